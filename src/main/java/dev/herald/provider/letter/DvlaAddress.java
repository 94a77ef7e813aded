package dev.herald.provider.letter;

import dev.herald.print.PrintLetter;
import dev.herald.recipient.AddressProblem;
import dev.herald.recipient.PostalAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A letter's address as DVLA's print API takes it: the recipient's name apart, and exactly one of
 * {@code unstructuredAddress} (UK), {@code internationalAddress} (by the letter's postage, as
 * Notify decides) or {@code bfpoAddress}, each line cut to the lengths DVLA accepts.
 *
 * @param recipientName the first line, at most 255 characters
 * @param address {@code {"unstructuredAddress": {...}}} or one of the other two kinds
 */
record DvlaAddress(String recipientName, ObjectNode address) {

  private static final Set<String> INTERNATIONAL = Set.of("europe", "rest-of-world");
  private static final Set<AddressProblem> TOO_SHORT =
      Set.of(AddressProblem.EMPTY, AddressProblem.NOT_ENOUGH_LINES);
  private static final int RECIPIENT_LENGTH = 255;
  private static final int LINE_LENGTH = 45;
  private static final int POSTCODE_LENGTH = 10;
  private static final int COUNTRY_LENGTH = 256;

  @Override
  public String toString() {
    return "DvlaAddress[redacted]";
  }

  /**
   * The letter's address; one too short to hold a name and a postcode or country cannot be sent.
   * Nothing else is checked again: the address passed Herald's checks when the letter was made.
   */
  static DvlaAddress of(PrintLetter letter) throws UnprintableAddressException {
    PostalAddress parsed = PostalAddress.of(String.join("\n", letter.address()), true);
    Optional<AddressProblem> problem = parsed.problem().filter(TOO_SHORT::contains);
    if (problem.isPresent()) {
      throw new UnprintableAddressException(problem.get());
    }
    return parsed.isBfpo() ? bfpo(parsed) : lines(parsed, INTERNATIONAL.contains(letter.postage()));
  }

  private static DvlaAddress lines(PostalAddress parsed, boolean international) {
    List<String> lines = parsed.normalisedLines();
    ObjectNode fields = JsonNodeFactory.instance.objectNode();
    // The first line is the recipient's name, sent apart; the last the postcode or country.
    putLines(fields, lines.subList(1, lines.size() - 1), 5);
    if (international) {
      fields.put("country", cut(lines.getLast(), COUNTRY_LENGTH));
    } else {
      fields.put("postcode", cut(lines.getLast(), POSTCODE_LENGTH));
    }
    return of(
        lines.getFirst(), international ? "internationalAddress" : "unstructuredAddress", fields);
  }

  /** DVLA asks for the recipient (service number, rank and name) on a BFPO address's line 1. */
  private static DvlaAddress bfpo(PostalAddress parsed) {
    List<String> lines = parsed.normalisedLines();
    int footer = parsed.postcode().isPresent() ? 2 : 1;
    ObjectNode fields = JsonNodeFactory.instance.objectNode();
    putLines(fields, lines.subList(0, lines.size() - footer), 4);
    parsed.postcode().ifPresent(postcode -> fields.put("postcode", cut(postcode, POSTCODE_LENGTH)));
    fields.put("bfpoNumber", parsed.bfpoNumber().orElseThrow());
    return of(lines.getFirst(), "bfpoAddress", fields);
  }

  private static DvlaAddress of(String recipient, String kind, ObjectNode fields) {
    ObjectNode address = JsonNodeFactory.instance.objectNode();
    address.set(kind, fields);
    return new DvlaAddress(cut(recipient, RECIPIENT_LENGTH), address);
  }

  private static void putLines(ObjectNode fields, List<String> lines, int most) {
    for (int i = 0; i < Math.min(most, lines.size()); i++) {
      fields.put("line" + (i + 1), cut(lines.get(i), LINE_LENGTH));
    }
  }

  private static String cut(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length);
  }

  /** The letter's address fails Herald's own address check: printing it would be a mistake. */
  static final class UnprintableAddressException extends Exception {

    UnprintableAddressException(AddressProblem problem) {
      super("address not printable: " + problem.reason(), null, false, false);
    }
  }
}

package dev.herald.recipient;

import dev.herald.recipient.Countries.Country;
import dev.herald.recipient.Countries.PostalZone;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A letter's address as Notify reads and checks it (contract §6.7, utils {@code postal_address}):
 * the lines cleaned of blank lines, extra whitespace and trailing commas; a BFPO number found on
 * any line; the last line a country (trailing "UK" lines dropped) or a real UK postcode, written as
 * Royal Mail sorts it.
 */
public final class PostalAddress {

  public static final int MIN_LINES = 3;
  public static final int MAX_LINES = 7;

  private static final String INVALID_FIRST_CHARACTERS = "@()=[]\"\\/,<>~";
  private static final Pattern BFPO = Pattern.compile("^\\s*bfpo\\s*(?:c/o)?(?:\\s*(\\d+))?\\s*$");
  private static final Pattern SPACE_BEFORE_PUNCTUATION =
      Pattern.compile("[ \\t\\n\\r\\f\\u000b]+([,.:;!?])");
  private static final Pattern LINE_BREAK =
      Pattern.compile("\\r\\n|[\\n\\r\\u000b\\u000c\\u001c\\u001d\\u001e\\u0085\\u2028\\u2029]");
  private static final Pattern ALPHANUMERIC = Pattern.compile("[A-Za-z0-9]");
  private static final Pattern NO_FIXED_ABODE =
      Pattern.compile("no fixed (abode|address)", Pattern.CASE_INSENSITIVE);

  private final boolean allowInternational;
  private final Integer bfpo;
  private final Country country;
  private final List<String> lines;
  private final Optional<String> postcode;

  private PostalAddress(String raw, boolean allowInternational) {
    this.allowInternational = allowInternational;
    List<String> cleaned = new ArrayList<>();
    for (String line : LINE_BREAK.split(raw, -1)) {
      String normalised = stripTrailingCommasAndSpaces(normaliseWhitespace(line));
      if (!normalised.isEmpty()) {
        cleaned.add(SPACE_BEFORE_PUNCTUATION.matcher(normalised).replaceAll("$1"));
      }
    }
    if (cleaned.isEmpty()) {
      cleaned.add("");
    }
    Integer number = null;
    List<String> withoutBfpo = new ArrayList<>();
    for (String line : cleaned) {
      Matcher bfpoLine = BFPO.matcher(line.toLowerCase(Locale.ROOT));
      if (bfpoLine.matches()) {
        if (number == null && bfpoLine.group(1) != null) {
          number = Integer.valueOf(bfpoLine.group(1));
        }
      } else {
        withoutBfpo.add(line);
      }
    }
    this.bfpo = number;
    List<String> kept = number == null ? cleaned : withoutBfpo;
    int trailingUk = 0;
    for (int i = kept.size() - 1; i >= 0; i--) {
      Optional<Country> named = Countries.named(kept.get(i));
      if (named.isEmpty() || !named.get().isUk()) {
        break;
      }
      trailingUk++;
    }
    Optional<Country> last = kept.isEmpty() ? Optional.empty() : Countries.named(kept.getLast());
    if (last.isPresent()) {
      this.country = last.get();
      this.lines = List.copyOf(kept.subList(0, kept.size() - Math.max(trailingUk, 1)));
    } else {
      this.country = Countries.UNITED_KINGDOM;
      this.lines = List.copyOf(kept);
    }
    this.postcode =
        international() || lines.isEmpty()
            ? Optional.empty()
            : UkPostcodes.formatted(lines.getLast());
  }

  /**
   * The address in a letter's personalisation: {@code address_line_1} to {@code address_line_7}
   * when line 7 is given, else lines 1 to 6 and {@code postcode}, each as its text ({@link
   * dev.herald.template.PythonStr}'s, by the caller).
   */
  public static PostalAddress fromPersonalisation(
      Map<String, String> personalisation, boolean allowInternational) {
    List<String> keys = new ArrayList<>();
    for (int line = 1; line <= 6; line++) {
      keys.add("address_line_" + line);
    }
    keys.add(personalisation.containsKey("address_line_7") ? "address_line_7" : "postcode");
    List<String> values = new ArrayList<>();
    for (String key : keys) {
      String value = personalisation.get(key);
      values.add(value == null ? "" : value);
    }
    return new PostalAddress(String.join("\n", values), allowInternational);
  }

  public static PostalAddress of(String raw, boolean allowInternational) {
    return new PostalAddress(raw, allowInternational);
  }

  /** What is wrong with the address, in the order Notify checks, or nothing. */
  public Optional<AddressProblem> problem() {
    List<String> normalised = normalisedLines();
    if (normalised.stream().allMatch(String::isEmpty)) {
      return Optional.of(AddressProblem.EMPTY);
    }
    if (normalised.size() < MIN_LINES) {
      return Optional.of(AddressProblem.NOT_ENOUGH_LINES);
    }
    if (normalised.size() > MAX_LINES) {
      return Optional.of(AddressProblem.TOO_MANY_LINES);
    }
    if (!ALPHANUMERIC.matcher(normalised.get(0)).find()
        || !ALPHANUMERIC.matcher(normalised.get(1)).find()) {
      return Optional.of(AddressProblem.FIRST_TWO_LINES_NOT_ALPHANUMERIC);
    }
    if (isBfpo() && international()) {
      return Optional.of(AddressProblem.COUNTRY_FOR_BFPO);
    }
    if (!hasValidLastLine()) {
      if (allowInternational) {
        return Optional.of(AddressProblem.NOT_A_REAL_UK_POSTCODE_OR_COUNTRY);
      }
      return Optional.of(
          international()
              ? AddressProblem.CANT_SEND_INTERNATIONAL
              : AddressProblem.NOT_A_REAL_UK_POSTCODE);
    }
    if (normalised.stream()
        .anyMatch(
            line -> !line.isEmpty() && INVALID_FIRST_CHARACTERS.indexOf(line.charAt(0)) >= 0)) {
      return Optional.of(AddressProblem.INVALID_FIRST_CHARACTER);
    }
    if (normalised.stream().anyMatch(line -> line.equalsIgnoreCase("nfa"))
        || NO_FIXED_ABODE.matcher(String.join("\n", normalised)).find()) {
      return Optional.of(AddressProblem.NO_FIXED_ABODE);
    }
    return Optional.empty();
  }

  /** Abroad: the last line named a country outside the UK's inland post. */
  public boolean international() {
    return country.zone() != PostalZone.UK;
  }

  /** {@code europe} or {@code rest-of-world} for an address abroad. */
  public String postage() {
    return country.zone().postage();
  }

  public boolean isBfpo() {
    return bfpo != null;
  }

  /** The number of a BFPO address's {@code BFPO n} line; empty for any other address. */
  public Optional<Integer> bfpoNumber() {
    return Optional.ofNullable(bfpo);
  }

  /** The postcode of an address in the UK, as Royal Mail sorts it, if its last line is one. */
  public Optional<String> postcode() {
    return postcode;
  }

  private boolean hasValidLastLine() {
    return (allowInternational && international() && !isBfpo())
        || postcode().isPresent()
        || (isBfpo() && !international());
  }

  /** The lines as they would be printed: the postcode formatted, a country by its name. */
  public List<String> normalisedLines() {
    List<String> out = new ArrayList<>(lines);
    if (postcode.isPresent()) {
      out.set(out.size() - 1, postcode.get());
    }
    if (isBfpo()) {
      out.add("BFPO " + bfpo);
    }
    if (international()) {
      out.add(country.name());
    }
    return out;
  }

  /** The normalised lines, one per line: what is stored as the letter's recipient. */
  public String normalised() {
    return String.join("\n", normalisedLines());
  }

  /** The address as searched for: lower case, without whitespace (Notify's normalised_to). */
  public String searchable() {
    StringBuilder kept = new StringBuilder();
    normalised()
        .toLowerCase(Locale.ROOT)
        .codePoints()
        .filter(c -> !Character.isWhitespace(c) && !Whitespace.isWhitespace(c))
        .forEach(kept::appendCodePoint);
    return kept.toString();
  }

  private static String normaliseWhitespace(String line) {
    String stripped = Whitespace.stripAndRemoveObscure(line);
    return String.join(" ", stripped.split("\\s+"));
  }

  private static String stripTrailingCommasAndSpaces(String line) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == ',')) {
      end--;
    }
    return line.substring(0, end);
  }

  @Override
  public String toString() {
    return "PostalAddress[redacted]";
  }
}

package dev.herald.search;

import dev.herald.recipient.EmailAddresses;
import dev.herald.recipient.InvalidRecipientException;
import dev.herald.recipient.PhoneNumbers;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a search for {@code to} looks for: a whole recipient, normalised as stored, or a piece of a
 * recipient or of a reference.
 */
sealed interface SearchTerm {

  /** A phone number (E.164 digits) or an email address (lower case), matched exactly. */
  record Recipient(String normalised) implements SearchTerm {}

  /**
   * A piece of a normalised recipient and a piece of a reference, as text, with their {@code LIKE}
   * patterns and the patterns the trigram indexes are asked for.
   */
  record Piece(String recipientText, String referenceText) implements SearchTerm {

    String recipientPattern() {
      return contains(recipientText);
    }

    String referencePattern() {
      return contains(referenceText);
    }

    /** See {@link #distinctive(String)}. */
    String recipientIndexPattern() {
      return contains(distinctive(recipientText));
    }

    String referenceIndexPattern() {
      return contains(distinctive(referenceText));
    }
  }

  Pattern PHONE_LIKE = Pattern.compile("[0-9()+\\-\\s]+");
  Pattern PHONE_PUNCTUATION = Pattern.compile("[()\\-\\s]");
  Pattern LEADING_PLUS_AND_ZEROS = Pattern.compile("^\\+?0*");
  Pattern WHITESPACE = Pattern.compile("\\s");
  Pattern DIGIT_RUN = Pattern.compile("\\d{4,}");

  static SearchTerm of(String to) {
    String raw = to.strip();
    try {
      return new Recipient(
          raw.contains("@") ? EmailAddresses.normalise(raw) : PhoneNumbers.parse(raw).normalised());
    } catch (InvalidRecipientException notWhole) {
      return new Piece(recipientPiece(raw), raw);
    }
  }

  /**
   * As Notify: phone punctuation and a leading {@code +} or {@code 0} go, so {@code 07700 900}
   * finds {@code 447700900123}; anything else loses its whitespace and case.
   */
  private static String recipientPiece(String raw) {
    if (PHONE_LIKE.matcher(raw).matches()) {
      String digits = PHONE_PUNCTUATION.matcher(raw).replaceAll("");
      return LEADING_PLUS_AND_ZEROS.matcher(digits).replaceFirst("");
    }
    return WHITESPACE.matcher(raw).replaceAll("").toLowerCase(Locale.ROOT);
  }

  /**
   * What of a piece the trigram indexes look for; the whole piece is checked on each row found.
   * Every trigram of a pattern is looked up, and those that nearly every row has (the "447" and
   * "7711" of phone numbers, the "ref" of "client-ref-123456") cost the most and narrow the least.
   * The digits at the end of a piece are what tell rows apart, so the last run of four or more
   * digits, cut to its last five, is looked for instead. On 3M generated rows (EXPLAIN ANALYZE, 2
   * shared cores), "07700 9123" as "%09123%" took 7–8 ms where "%77009123%" took 27–236 ms, and
   * "ref-123456" as "%23456%" 3–6 ms where the whole piece took 26–37 ms.
   */
  static String distinctive(String text) {
    Matcher digits = DIGIT_RUN.matcher(text);
    String last = null;
    while (digits.find()) {
      last = digits.group();
    }
    return last == null ? text : last.substring(Math.max(0, last.length() - 5));
  }

  private static String contains(String text) {
    String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }
}

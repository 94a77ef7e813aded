package dev.herald.search;

import dev.herald.recipient.EmailAddresses;
import dev.herald.recipient.InvalidRecipientException;
import dev.herald.recipient.PhoneNumbers;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a search for {@code to} looks for: a whole recipient, normalised as stored, or a piece of a
 * recipient or of a reference.
 */
sealed interface SearchTerm {

  /** A phone number (E.164 digits) or an email address (lower case), matched exactly. */
  record Recipient(String normalised) implements SearchTerm {}

  /** {@code LIKE} patterns for a piece of a normalised recipient and a piece of a reference. */
  record Piece(String recipientPattern, String referencePattern) implements SearchTerm {}

  Pattern PHONE_LIKE = Pattern.compile("[0-9()+\\-\\s]+");
  Pattern PHONE_PUNCTUATION = Pattern.compile("[()\\-\\s]");
  Pattern LEADING_PLUS_AND_ZEROS = Pattern.compile("^\\+?0*");
  Pattern WHITESPACE = Pattern.compile("\\s");

  static SearchTerm of(String to) {
    String raw = to.strip();
    try {
      return new Recipient(
          raw.contains("@") ? EmailAddresses.normalise(raw) : PhoneNumbers.parse(raw).normalised());
    } catch (InvalidRecipientException notWhole) {
      return new Piece(contains(recipientPiece(raw)), contains(raw));
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

  private static String contains(String text) {
    String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }
}

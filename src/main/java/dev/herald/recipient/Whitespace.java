package dev.herald.recipient;

/**
 * Notify's whitespace rules: ordinary whitespace plus the obscure zero-width and non-breaking
 * kinds.
 */
public final class Whitespace {

  private static final String OBSCURE =
      "\u180e\u200b\u200c\u200d\u2060\ufeff\u2028\u2029\u00a0\u202f";

  private static final String ASCII = " \t\n\r\u000b\u000c";

  private Whitespace() {}

  static boolean isWhitespace(int c) {
    return ASCII.indexOf(c) >= 0 || OBSCURE.indexOf(c) >= 0;
  }

  /** Removes every obscure whitespace character, then strips whitespace from both ends. */
  public static String stripAndRemoveObscure(String value) {
    if (!hasObscure(value)) {
      return value.strip();
    }
    StringBuilder kept = new StringBuilder(value.length());
    value.codePoints().filter(c -> OBSCURE.indexOf(c) < 0).forEach(kept::appendCodePoint);
    return kept.toString().strip();
  }

  // All obscure characters are in the BMP, so looking at chars finds them all.
  private static boolean hasObscure(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (OBSCURE.indexOf(value.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Strips ordinary and obscure whitespace from both ends only. */
  static String strip(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isBlank(value.charAt(start))) {
      start++;
    }
    while (end > start && isBlank(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }

  private static boolean isBlank(char c) {
    return Character.isWhitespace(c) || isWhitespace(c);
  }
}

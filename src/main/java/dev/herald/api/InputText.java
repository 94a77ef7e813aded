package dev.herald.api;

/**
 * The characters Herald refuses in any text it is sent: NUL, which PostgreSQL cannot store in text
 * or JSON, and unpaired surrogates, which are not Unicode and cannot be encoded as UTF-8.
 */
public final class InputText {

  /** Says which characters are refused, for error messages that must not echo the value. */
  public static final String REFUSED =
      "must not contain the NUL character (\\u0000) or unpaired surrogates (\\ud800 to \\udfff)";

  private InputText() {}

  /** Whether {@code text} holds a NUL or an unpaired surrogate. */
  public static boolean isRefused(CharSequence text) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == '\0') {
        return true;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < length
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}

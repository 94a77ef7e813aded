package dev.herald.template;

/** The text of a text message after Notify's GSM downgrade, with its length and fragments. */
public final class SmsText {

  /** The most characters a text message may have, not counting the service-name prefix. */
  public static final int MAX_CHARACTERS = 918;

  private final String text;

  private SmsText(String text) {
    this.text = text;
  }

  /** Wraps a rendered message body, sanitising it first. */
  public static SmsText of(String body) {
    return new SmsText(sanitise(body));
  }

  /**
   * Keeps GSM-7 and Welsh letters, decomposes accented letters, replaces smart punctuation with
   * ASCII, removes zero-width characters and turns everything else into "?".
   */
  public static String sanitise(String content) {
    if (content.chars().allMatch(c -> GsmAlphabet.isKept((char) c))) {
      return content;
    }
    StringBuilder encoded = new StringBuilder(content.length());
    content.codePoints().forEach(codePoint -> encoded.append(GsmAlphabet.encode(codePoint)));
    return encoded.toString();
  }

  /** The sanitised text. */
  public String text() {
    return text;
  }

  /** The length in UTF-16 code units, without any prefix. */
  public int characterCount() {
    return text.length();
  }

  /** Whether the message is longer than {@link #MAX_CHARACTERS}. */
  public boolean isTooLong() {
    return characterCount() > MAX_CHARACTERS;
  }

  /** Whether a Welsh letter outside GSM forces the message to be sent as UCS-2. */
  public boolean needsUcs2() {
    return needsUcs2(text);
  }

  /** The number of fragments the message is billed as, without a prefix. */
  public int fragmentCount() {
    return fragments(text);
  }

  /** The number of fragments with the {@code "{service name}: "} prefix, when one is sent. */
  public int fragmentCount(String serviceName) {
    if (serviceName == null || serviceName.isBlank()) {
      return fragmentCount();
    }
    return fragments(sanitise(Whitespace.strip(serviceName) + ": ") + text);
  }

  private static boolean needsUcs2(String content) {
    return content.codePoints().anyMatch(GsmAlphabet::isWelshOutsideGsm);
  }

  // Like Notify, extended characters count twice even when the message is UCS-2.
  private static int fragments(String content) {
    int count = content.length();
    for (int i = 0; i < content.length(); i++) {
      if (GsmAlphabet.isExtended(content.charAt(i))) {
        count++;
      }
    }
    if (needsUcs2(content)) {
      return count <= 70 ? 1 : ceilDiv(count, 67);
    }
    return count <= 160 ? 1 : ceilDiv(count, 153);
  }

  private static int ceilDiv(int dividend, int divisor) {
    return (dividend + divisor - 1) / divisor;
  }
}

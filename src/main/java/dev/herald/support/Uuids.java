package dev.herald.support;

import java.math.BigInteger;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Parses ids as leniently as Python's {@code uuid.UUID(hex)}, which Notify uses. */
public final class Uuids {

  // What Python's int(text, 16) accepts once str.strip() has removed surrounding whitespace.
  private static final Pattern PYTHON_HEX_INT =
      Pattern.compile("([+-]?)(?:0[xX]_?)?([0-9a-fA-F](?:_?[0-9a-fA-F])*)");
  private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(128);

  private Uuids() {}

  public static Optional<UUID> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    if (isCanonical(text)) {
      return Optional.of(UUID.fromString(text));
    }
    String hex = text.replace("urn:", "").replace("uuid:", "");
    hex = stripBraces(hex).replace("-", "");
    if (hex.codePointCount(0, hex.length()) != 32) {
      return Optional.empty();
    }
    var matcher = PYTHON_HEX_INT.matcher(hex.strip());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    BigInteger value = new BigInteger(matcher.group(2).replace("_", ""), 16);
    if (matcher.group(1).equals("-")) {
      value = value.negate();
    }
    if (value.signum() < 0 || value.compareTo(LIMIT) >= 0) {
      return Optional.empty();
    }
    return Optional.of(new UUID(value.shiftRight(64).longValue(), value.longValue()));
  }

  /** The usual 8-4-4-4-12 form, which every parser agrees on: no need for the lenient path. */
  private static boolean isCanonical(String text) {
    if (text.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(i);
      boolean hyphen = i == 8 || i == 13 || i == 18 || i == 23;
      if (hyphen ? c != '-' : Character.digit(c, 16) < 0 || c > 'f') {
        return false;
      }
    }
    return true;
  }

  private static String stripBraces(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && (text.charAt(start) == '{' || text.charAt(start) == '}')) {
      start++;
    }
    while (end > start && (text.charAt(end - 1) == '{' || text.charAt(end - 1) == '}')) {
      end--;
    }
    return text.substring(start, end);
  }
}

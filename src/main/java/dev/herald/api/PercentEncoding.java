package dev.herald.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict percent-decoding of URL paths and query strings as UTF-8, for checking only. */
final class PercentEncoding {

  static final String RULE =
      "must be percent-encoded UTF-8 (each % followed by two hex digits) with no NUL (%00) and no"
          + " encoded surrogates";

  private PercentEncoding() {}

  /** Whether every name and value of the query decodes strictly and holds no refused text. */
  static boolean isCleanQuery(String query) {
    for (String pair : query.split("&", -1)) {
      int equals = pair.indexOf('=');
      if (equals < 0
          ? !isClean(pair, true)
          : !isClean(pair.substring(0, equals), true)
              || !isClean(pair.substring(equals + 1), true)) {
        return false;
      }
    }
    return true;
  }

  /** Parameters as Tomcat counts them: the non-empty pieces between {@code &}. */
  static int parameterCount(String query) {
    int count = 0;
    int start = 0;
    while (start <= query.length()) {
      int end = query.indexOf('&', start);
      if (end < 0) {
        end = query.length();
      }
      if (end > start) {
        count++;
      }
      start = end + 1;
    }
    return count;
  }

  /** Whether {@code encoded} decodes strictly as UTF-8 to text {@link InputText} accepts. */
  static boolean isClean(String encoded, boolean plusIsSpace) {
    if (encoded.indexOf('%') < 0) {
      return !InputText.isRefused(encoded);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
        int low = high < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
        if (low < 0) {
          return false;
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else if (c > 0xFF) {
        return false;
      } else {
        bytes.write(plusIsSpace && c == '+' ? ' ' : c);
      }
    }
    try {
      String decoded =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString();
      return !InputText.isRefused(decoded);
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}

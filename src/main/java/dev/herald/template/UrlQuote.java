package dev.herald.template;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Python's {@code quote(unquote(url), safe=":/?#=&;")}, which Notify uses for autolinks. */
final class UrlQuote {

  private static final String SAFE = ":/?#=&;_.-~";

  private UrlQuote() {}

  static String requote(String url) {
    return quote(unquote(url));
  }

  static String unquote(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) == '%' && isHex(text, i + 1)) {
        bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 3;
        continue;
      }
      flush(bytes, out);
      out.append(text.charAt(i));
      i++;
    }
    flush(bytes, out);
    return out.toString();
  }

  static String quote(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || SAFE.indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }

  private static boolean isHex(String text, int at) {
    return at + 1 < text.length()
        && Character.digit(text.charAt(at), 16) >= 0
        && Character.digit(text.charAt(at + 1), 16) >= 0;
  }

  private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
    if (bytes.size() > 0) {
      out.append(bytes.toString(StandardCharsets.UTF_8));
      bytes.reset();
    }
  }
}

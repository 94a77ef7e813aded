package dev.herald.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Hostile JSON values and query-string pieces, drawn from a seeded {@link Random}: what a careless
 * or hostile client sends. Every string that stands for personal data carries {@link #MARKER}, so a
 * test can grep the log for it.
 */
final class HostileValues {

  /** In every personal value the fuzz test sends: it must never reach the log. */
  static final String MARKER = "zqxpii";

  private final Random random;

  HostileValues(Random random) {
    this.random = random;
  }

  <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  int between(int low, int high) {
    return low + random.nextInt(high - low + 1);
  }

  boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  /** A personal string: the marker inside something hostile. */
  String personal() {
    return pick(TEXTS).apply(this);
  }

  /** A JSON value (as JSON text) of any type, often hostile. */
  String json() {
    return switch (random.nextInt(12)) {
      case 0 -> pick(NUMBERS);
      case 1 -> pick(List.of("true", "false", "null", "[]", "{}"));
      case 2 -> "[" + quoted(personal()) + "," + pick(NUMBERS) + "]";
      case 3 -> "{" + quoted(MARKER + "k") + ":" + quoted(personal()) + "}";
      case 4 -> nested(between(2, 3000));
      default -> quoted(personal());
    };
  }

  /** A string as a JSON literal; escapes lone surrogates and controls as {@code \\uXXXX}. */
  static String quoted(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 || Character.isSurrogate(c) && !pairedAt(text, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else if (Character.isHighSurrogate(c)) {
            out.append(c).append(text.charAt(++i));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static boolean pairedAt(String text, int i) {
    return Character.isHighSurrogate(text.charAt(i))
        && i + 1 < text.length()
        && Character.isLowSurrogate(text.charAt(i + 1));
  }

  String nested(int depth) {
    String open = chance(50) ? "[" : "{\"a\":";
    String close = open.equals("[") ? "]" : "}";
    return open.repeat(depth) + quoted(MARKER) + close.repeat(depth);
  }

  /** A query-string value as sent on the wire: sometimes badly escaped. */
  String queryValue() {
    String text = personal();
    if (text.length() > 120 && !chance(2)) {
      text = text.substring(0, 120);
    }
    String value = URLEncoder.encode(text, StandardCharsets.UTF_8);
    return switch (random.nextInt(8)) {
      case 0 -> value + "%ZZ";
      case 1 -> value + "%";
      case 2 -> value + "%0";
      case 3 -> "%00" + value;
      case 4 -> value + "=" + value;
      case 5 -> "%ED%A0%80" + value;
      case 6 -> value + "%FF%FE";
      default -> value;
    };
  }

  static final List<String> NUMBERS =
      List.of(
          "0",
          "-1",
          "1e400",
          "-1e400",
          "99999999999999999999999999",
          "-99999999999999999999999999",
          "9223372036854775808",
          "0.5",
          "1E+2",
          "NaN",
          "1".repeat(5000));

  private static final List<Function<HostileValues, String>> TEXTS =
      List.of(
          v -> MARKER,
          v -> MARKER + "\u0000",
          v -> "\u0000" + MARKER + "\u0000",
          v -> MARKER + "\ud800",
          v -> "\udc00" + MARKER,
          v -> MARKER + "\r\nBcc: " + MARKER + "@example.com",
          v -> MARKER + "\u202e\u200b\ufeff",
          v -> MARKER + "x".repeat(v.between(1000, 20_000)),
          v -> v.chance(3) ? MARKER + "y".repeat(1_100_000) : MARKER + "y".repeat(300),
          v -> MARKER + "a.".repeat(v.between(100, 20_000)),
          v -> MARKER + " " + "a-".repeat(v.between(100, 20_000)) + ".com",
          v -> MARKER + "\n" + "* ".repeat(v.between(10, 3000)) + "x",
          v -> MARKER + "\n" + "> ".repeat(v.between(10, 3000)) + "x",
          v -> MARKER + "\n" + "1. ".repeat(v.between(10, 2000)) + "x",
          v -> MARKER + "[".repeat(v.between(10, 20_000)) + "](",
          v -> MARKER + "<script>alert(1)</script><img src=x onerror=alert(1)>",
          v -> MARKER + "((placeholder))((" + "(".repeat(v.between(1, 5000)),
          v -> MARKER + "https://" + "a.".repeat(v.between(10, 3000)) + "com/" + "(".repeat(100),
          v -> MARKER + "'; DROP TABLE notifications; --",
          v -> MARKER + "../../../../etc/passwd",
          v -> MARKER + "%s%n%x${jndi:ldap://127.0.0.1/x}",
          v -> MARKER + "😀".repeat(v.between(1, 3000)),
          v -> MARKER + "@example.gov.uk",
          v -> "07700 900" + v.between(100, 999),
          v -> MARKER + "\t\u000b\u000c\u001f\u007f");
}

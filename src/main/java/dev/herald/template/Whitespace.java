package dev.herald.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Python's notion of whitespace and Notify's whitespace formatters built on it. */
final class Whitespace {

  private static final String ZERO_WIDTH = "\u180E\u200B\u200C\u200D\u2060\uFEFF";
  private static final String FULL_WIDTH = "\u00A0\u202F";
  private static final Pattern BEFORE_PUNCTUATION = Pattern.compile("[ \\t]+([,.])");
  private static final Pattern MORE_THAN_TWO_NEWLINES = Pattern.compile("\\n{3,}");

  private Whitespace() {}

  /** Python's {@code str.isspace()} for one character. */
  static boolean isSpace(char c) {
    return switch (c) {
      case ' ', '\t', '\n', '\u000B', '\f', '\r', '\u001C', '\u001D', '\u001E', '\u001F' -> true;
      case '\u0085', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000' -> true;
      default -> c >= '\u2000' && c <= '\u200A';
    };
  }

  /** Python's {@code str.strip()}. */
  static String strip(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isSpace(value.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }

  /** Python's {@code str.splitlines()}. */
  static List<String> splitLines(String value) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (isLineBoundary(c)) {
        lines.add(value.substring(start, i));
        i += (c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n') ? 2 : 1;
        start = i;
      } else {
        i++;
      }
    }
    if (start < value.length()) {
      lines.add(value.substring(start));
    }
    return lines;
  }

  private static boolean isLineBoundary(char c) {
    return switch (c) {
      case '\n', '\r', '\u000B', '\f', '\u001C', '\u001D', '\u001E', '\u0085', '\u2028', '\u2029' ->
          true;
      default -> false;
    };
  }

  /** Removes zero-width characters and joins the words with single spaces, like Notify. */
  static String normalise(String value) {
    StringBuilder words = new StringBuilder(value.length());
    boolean pendingSpace = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (ZERO_WIDTH.indexOf(c) >= 0) {
        continue;
      }
      if (FULL_WIDTH.indexOf(c) >= 0 || isSpace(c)) {
        pendingSpace = !words.isEmpty();
        continue;
      }
      if (pendingSpace) {
        words.append(' ');
        pendingSpace = false;
      }
      words.append(c);
    }
    return words.toString();
  }

  /**
   * Normalises each line, which also turns CRLF into LF. Most texts are already normal and are
   * returned as they are, after one scan (WhitespaceTest checks the shortcut against the long way).
   */
  static String normaliseLines(String value) {
    if (linesAreNormal(value)) {
      return value;
    }
    return String.join("\n", splitLines(value).stream().map(Whitespace::normalise).toList());
  }

  /**
   * Whether {@link #normaliseLines} would give the text back unchanged: its only whitespace is
   * single spaces between other characters and newlines (not at the end), with no zero-width
   * characters.
   */
  private static boolean linesAreNormal(String value) {
    int length = value.length();
    if (length > 0 && value.charAt(length - 1) == '\n') {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c == ' ') {
        if (i == 0
            || i == length - 1
            || isBlank(value.charAt(i - 1))
            || isBlank(value.charAt(i + 1))) {
          return false;
        }
      } else if (c != '\n'
          && (isSpace(c) || ZERO_WIDTH.indexOf(c) >= 0 || FULL_WIDTH.indexOf(c) >= 0)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\n';
  }

  /** Turns three or more newlines in a row into two. */
  static String normaliseMultipleNewlines(String value) {
    if (!value.contains("\n\n\n")) {
      return value;
    }
    return MORE_THAN_TWO_NEWLINES.matcher(value).replaceAll("\n\n");
  }

  /** Removes spaces and tabs before a comma or full stop. */
  static String removeBeforePunctuation(String value) {
    if (!hasSpaceBeforePunctuation(value)) {
      return value;
    }
    return BEFORE_PUNCTUATION.matcher(value).replaceAll("$1");
  }

  private static boolean hasSpaceBeforePunctuation(String value) {
    for (int i = 1; i < value.length(); i++) {
      char c = value.charAt(i);
      char before = value.charAt(i - 1);
      if ((c == ',' || c == '.') && (before == ' ' || before == '\t')) {
        return true;
      }
    }
    return false;
  }

  /** Notify's {@code strip_and_remove_obscure_whitespace} for list items. */
  static String stripAndRemoveObscure(String value) {
    StringBuilder kept = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (ZERO_WIDTH.indexOf(c) < 0 && c != '\u00A0') {
        kept.append(c);
      }
    }
    int start = 0;
    int end = kept.length();
    while (start < end && isAsciiSpace(kept.charAt(start))) {
      start++;
    }
    while (end > start && isAsciiSpace(kept.charAt(end - 1))) {
      end--;
    }
    return kept.substring(start, end);
  }

  private static boolean isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
  }

  /** Python's {@code str.lstrip()}. */
  static String stripLeading(String value) {
    int start = 0;
    while (start < value.length() && isSpace(value.charAt(start))) {
      start++;
    }
    return value.substring(start);
  }
}

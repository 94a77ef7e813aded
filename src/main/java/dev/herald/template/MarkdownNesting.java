package dev.herald.template;

import org.commonmark.node.BlockQuote;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;

/**
 * Measures how deeply an email body's markdown nests, without recursion: the renderers recurse once
 * per level, so a body nested a thousand levels deep would overflow their stack.
 */
final class MarkdownNesting {

  private MarkdownNesting() {}

  /**
   * Whether the body nests more than {@code limit} lists, quotes, emphases or links inside each
   * other, as either email part parses it (the HTML part parses it HTML-escaped).
   *
   * <p>A line that opens more than {@code limit} containers (list items, quotes: "* * * …") is
   * refused without parsing, as commonmark-java takes time quadratic in their number to parse it; a
   * body whose upper bound of nesting is within the limit is accepted without parsing; the rest is
   * parsed and measured.
   */
  static boolean deeperThan(String body, int limit) {
    int mostOpened = 0;
    int mostHeld = 0;
    for (int start = 0; start < body.length(); ) {
      int end = start;
      while (end < body.length() && body.charAt(end) != '\n' && body.charAt(end) != '\r') {
        end++;
      }
      Prefix prefix = prefix(body, start, end);
      mostOpened = Math.max(mostOpened, prefix.markers());
      mostHeld = Math.max(mostHeld, prefix.markers() + prefix.columns());
      start = end + 1;
    }
    if (mostOpened > limit) {
      return true;
    }
    if (mostHeld + inlineOpeners(body) <= limit) {
      return false;
    }
    if (depth(NotifyMarkdown.parse(body + "\n"), limit) > limit) {
      return true;
    }
    String escaped = HtmlEscape.escape(body);
    return !escaped.equals(body) && depth(NotifyMarkdown.parse(escaped + "\n"), limit) > limit;
  }

  /**
   * The container markers at the start of a line and the whitespace columns between them. A line
   * holds at most that many containers: each it opens has a marker, each it continues a '>' or at
   * least two columns of indentation (blank and lazy lines hold no more than the line before).
   */
  private record Prefix(int markers, int columns) {}

  private static Prefix prefix(String body, int start, int end) {
    int markers = 0;
    int columns = 0;
    int i = start;
    while (i < end) {
      char c = body.charAt(i);
      if (c == ' ' || c == '\t') {
        columns += c == '\t' ? 4 : 1;
        i++;
      } else if (c == '>') {
        // NotifyMarkdown escapes a line's first '>' unless it is indented as code
        markers += markers > 0 || columns > 3 ? 1 : 0;
        i++;
      } else if ((c == '•' || c == '^') && markers == 0) { // Notify's marks, first on a line only
        markers++;
        i++;
      } else if (c == '*' || c == '-' || c == '+') {
        if (!endsMarker(body, i + 1, end)) {
          break;
        }
        markers++;
        i++;
      } else if (c >= '0' && c <= '9') {
        int digits = i;
        while (digits < end && digits - i < 9 && isAsciiDigit(body.charAt(digits))) {
          digits++;
        }
        boolean delimited =
            digits < end && (body.charAt(digits) == '.' || body.charAt(digits) == ')');
        if (!delimited || !endsMarker(body, digits + 1, end)) {
          break;
        }
        markers++;
        i = digits + 1;
      } else {
        break;
      }
    }
    return new Prefix(markers, columns);
  }

  private static boolean endsMarker(String body, int at, int end) {
    return at >= end || body.charAt(at) == ' ' || body.charAt(at) == '\t';
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  // Each level of emphasis or link inside a paragraph needs one of these.
  private static int inlineOpeners(String body) {
    int count = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '*' || c == '_' || c == '[') {
        count++;
      }
    }
    return count;
  }

  /** The most nesting nodes on one path from the root, counting stops once over {@code limit}. */
  static int depth(Node root, int limit) {
    int depth = 0;
    int deepest = 0;
    Node node = root;
    while (true) {
      if (nests(node)) {
        depth++;
        deepest = Math.max(deepest, depth);
        if (deepest > limit) {
          return deepest;
        }
      }
      if (node.getFirstChild() != null) {
        node = node.getFirstChild();
        continue;
      }
      while (true) {
        if (nests(node)) {
          depth--;
        }
        if (node == root) {
          return deepest;
        }
        if (node.getNext() != null) {
          node = node.getNext();
          break;
        }
        node = node.getParent();
      }
    }
  }

  private static boolean nests(Node node) {
    return node instanceof ListItem
        || node instanceof BlockQuote
        || node instanceof Emphasis
        || node instanceof StrongEmphasis
        || node instanceof Link
        || node instanceof Image;
  }
}

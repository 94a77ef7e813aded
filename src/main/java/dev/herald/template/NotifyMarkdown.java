package dev.herald.template;

import java.util.regex.Pattern;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/** Parses Notify's dialect of markdown: {@code ^} for inset text, {@code •} bullets, loose "#". */
final class NotifyMarkdown {

  private static final Parser PARSER = Parser.builder().build();
  private static final Pattern GOVUK =
      Pattern.compile("(^|\\s)(#|\\*|\\^)?(GOV)\\.(UK)(?![/?#])", Pattern.CASE_INSENSITIVE);
  private static final Pattern QUOTE_MARKER = Pattern.compile("(?m)^( {0,3})>");
  private static final Pattern INSET_MARKER = Pattern.compile("(?m)^( *)\\^ ?");
  private static final Pattern ROUND_BULLET = Pattern.compile("(?m)^( *)•[ \\t]*");
  private static final Pattern TIGHT_HEADING = Pattern.compile("(?m)^( {0,3}#{1,6})(?=[^#\\s])");

  private NotifyMarkdown() {}

  static Node parse(String body) {
    String text = GOVUK.matcher(body).replaceAll("$1$2$3.\u200B$4").replace("\u2028", "");
    text = replace(text, '>', QUOTE_MARKER, "$1\\\\>");
    text = replace(text, '^', INSET_MARKER, "$1> ");
    text = replace(text, '•', ROUND_BULLET, "$1* ");
    text = replace(text, '#', TIGHT_HEADING, "$1 ");
    return PARSER.parse(text + "\n");
  }

  // Each marker pattern matches only text with its character in it; most bodies have none.
  private static String replace(String text, char marker, Pattern pattern, String replacement) {
    return text.indexOf(marker) < 0 ? text : pattern.matcher(text).replaceAll(replacement);
  }

  /** The concatenated rendering of a node's children. */
  static String children(Node parent, java.util.function.Function<Node, String> render) {
    StringBuilder out = new StringBuilder();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
      out.append(render.apply(child));
    }
    return out.toString();
  }

  static boolean inTightList(Node paragraph) {
    return paragraph.getParent() instanceof org.commonmark.node.ListItem item
        && item.getParent() instanceof org.commonmark.node.ListBlock list
        && list.isTight();
  }
}

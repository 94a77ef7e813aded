package dev.herald.template;

import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Delimited;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/** Renders Notify markdown to the plain-text part of its emails. */
final class EmailPlainText {

  private static final int COLUMN_WIDTH = 65;

  private EmailPlainText() {}

  static String render(String body) {
    return renderDocument(NotifyMarkdown.parse(body));
  }

  /** A document parsed by {@link NotifyMarkdown#parse}. */
  static String renderDocument(Node document) {
    String text = Typography.nice(render(document));
    return Whitespace.stripLeading(text) + "\n";
  }

  private static String render(Node node) {
    return switch (node) {
      case Paragraph p -> NotifyMarkdown.inTightList(p) ? inner(p) : paragraph(inner(p));
      case Heading h when h.getLevel() <= 2 ->
          "\n\n\n" + inner(h) + "\n" + (h.getLevel() == 1 ? "=" : "-").repeat(COLUMN_WIDTH);
      case Heading h -> paragraph(inner(h));
      case ThematicBreak t -> paragraph("=-".repeat(COLUMN_WIDTH / 2) + "=");
      case BlockQuote q -> inner(q);
      case BulletList l -> "\n" + items(l);
      case OrderedList l -> "\n" + items(l);
      case Link l -> inner(l) + titled(l.getTitle()) + ": " + l.getDestination();
      case Text t -> t.getLiteral();
      case SoftLineBreak b -> "\n";
      case HardLineBreak b -> "\n";
      case Code c -> "`" + c.getLiteral() + "`";
      case Delimited d -> d.getOpeningDelimiter() + inner((Node) d) + d.getClosingDelimiter();
      case FencedCodeBlock c -> c.getLiteral();
      case IndentedCodeBlock c -> c.getLiteral();
      case HtmlBlock h -> h.getLiteral();
      case HtmlInline h -> h.getLiteral();
      default -> node.getFirstChild() == null ? "" : inner(node);
    };
  }

  private static String items(ListBlock list) {
    StringBuilder out = new StringBuilder();
    int number = 1;
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      String marker = list instanceof OrderedList ? (number++) + "." : "•";
      String text = item instanceof ListItem ? Whitespace.strip(inner(item)) : render(item);
      out.append('\n').append(marker).append(' ').append(text);
    }
    return out.toString();
  }

  private static String inner(Node node) {
    return NotifyMarkdown.children(node, EmailPlainText::render);
  }

  private static String paragraph(String text) {
    return Whitespace.strip(text).isEmpty() ? "" : "\n\n" + text;
  }

  private static String titled(String title) {
    return title == null || title.isEmpty() ? "" : " (" + title + ")";
  }
}

package dev.herald.template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/** Renders Notify markdown to the inline-styled HTML of its emails ({@code markdown.py}). */
final class EmailHtml {

  static final String LINK_STYLE = "word-wrap: break-word; color: #1D70B8;";
  private static final String TEXT_STYLE = "font-size: 19px; line-height: 25px; color: #0B0C0C;";
  private static final String LIST_OPEN =
      "<table role=\"presentation\" style=\"padding: 0 0 20px 0;\"><tr>"
          + "<td style=\"font-family: Helvetica, Arial, sans-serif;\">";
  private static final String LIST_CLOSE = "</td></tr></table>";
  private static final Pattern URL = Pattern.compile("https?://[^\\s<]+[^<.,:\"')\\]\\s]");

  private EmailHtml() {}

  static String render(String escapedBody) {
    return renderDocument(NotifyMarkdown.parse(escapedBody));
  }

  /** A document parsed by {@link NotifyMarkdown#parse} from an HTML-escaped body. */
  static String renderDocument(Node document) {
    return render(document);
  }

  private static String render(Node node) {
    return switch (node) {
      case Paragraph p -> paragraph(inner(p), NotifyMarkdown.inTightList(p));
      case Heading h when h.getLevel() == 1 -> heading("h2", "27px; line-height: 35px", inner(h));
      case Heading h when h.getLevel() == 2 -> heading("h3", "19px; line-height: 25px", inner(h));
      case Heading h -> paragraph(inner(h), false);
      case ThematicBreak t ->
          "<hr style=\"border: 0; height: 1px; background: #B1B4B6; Margin: 30px 0 30px 0;\">";
      case BlockQuote q ->
          "<blockquote style=\"Margin: 0 0 20px 0; border-left: 10px solid #B1B4B6;"
              + "padding: 15px 0 0.1px 15px; font-size: 19px; line-height: 25px;\">"
              + inner(q)
              + "</blockquote>";
      case BulletList l ->
          LIST_OPEN
              + "<ul style=\"Margin: 0 0 0 20px; padding: 0; list-style-type: disc;\">"
              + inner(l)
              + "</ul>"
              + LIST_CLOSE;
      case OrderedList l ->
          LIST_OPEN
              + "<ol style=\"Margin: 0 0 0 20px; padding: 0; list-style-type: decimal;\">"
              + inner(l)
              + "</ol>"
              + LIST_CLOSE;
      case ListItem i ->
          "<li style=\"Margin: 5px 0 5px; padding: 0 0 0 5px; font-size: 19px;"
              + "line-height: 25px; color: #0B0C0C;\">"
              + Whitespace.strip(inner(i))
              + "</li>";
      case Link l -> link(l);
      case Text t -> text(t.getLiteral(), insideLink(t));
      case SoftLineBreak b -> "<br />";
      case HardLineBreak b -> "<br />";
      case Code c -> "`" + escape(c.getLiteral()) + "`";
      case Delimited d -> d.getOpeningDelimiter() + inner((Node) d) + d.getClosingDelimiter();
      case FencedCodeBlock c -> escape(c.getLiteral());
      case IndentedCodeBlock c -> escape(c.getLiteral());
      case HtmlBlock h -> h.getLiteral();
      case HtmlInline h -> h.getLiteral();
      default -> node.getFirstChild() == null ? "" : inner(node);
    };
  }

  private static String inner(Node node) {
    return NotifyMarkdown.children(node, EmailHtml::render);
  }

  private static String paragraph(String text, boolean tight) {
    if (tight) {
      return text;
    }
    return Whitespace.strip(text).isEmpty()
        ? ""
        : "<p style=\"Margin: 0 0 20px 0; " + TEXT_STYLE + "\">" + text + "</p>";
  }

  private static String heading(String tag, String size, String text) {
    return "<"
        + tag
        + " style=\"Margin: 0 0 15px 0; padding: 10px 0 0 0; font-size: "
        + size
        + "; font-weight: bold; color: #0B0C0C;\">"
        + text
        + "</"
        + tag
        + ">";
  }

  private static String link(Link link) {
    String title =
        link.getTitle() == null || link.getTitle().isEmpty()
            ? ""
            : " title=\"" + escapeAttribute(link.getTitle()) + "\"";
    return "<a style=\""
        + LINK_STYLE
        + "\" href=\""
        + escapeAttribute(link.getDestination())
        + "\""
        + title
        + ">"
        + inner(link)
        + "</a>";
  }

  private static String text(String literal, boolean insideLink) {
    String escaped = escape(literal);
    String typographic = insideLink ? escaped : Typography.smartQuotes(escaped);
    typographic = Typography.unquoteEmailAddresses(Whitespace.removeBeforePunctuation(typographic));
    typographic = Typography.enDashes(typographic);
    return insideLink ? typographic : autolink(typographic);
  }

  private static String autolink(String html) {
    Matcher matcher = URL.matcher(html);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String url = matcher.group();
      String anchor =
          "<a style=\"" + LINK_STYLE + "\" href=\"" + UrlQuote.requote(url) + "\">" + url + "</a>";
      matcher.appendReplacement(out, Matcher.quoteReplacement(anchor));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static boolean insideLink(Node node) {
    for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
      if (parent instanceof Link) {
        return true;
      }
    }
    return false;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\u00A0", "&nbsp;");
  }

  private static String escapeAttribute(String text) {
    return escape(text).replace("\"", "&quot;").replace("'", "&#39;");
  }
}

package dev.herald.template;

import java.util.function.Function;
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
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * Renders Notify markdown to the XHTML of a letter's body ({@code
 * NotifyLetterMarkdownPreviewRenderer}, notify-letters.md §2.1): a top heading becomes {@code h2}
 * and the others paragraphs, a rule a page break, links their literal markdown, web addresses bold
 * without their scheme, images dropped, quotes and code plain text, and a paragraph {@code qr:
 * data} a QR code drawn by {@code qrCode}.
 */
final class LetterHtml {

  private static final Pattern URL = Pattern.compile("https?://[^\\s<]+[^<.,:\"')\\]\\s]");
  private static final Pattern QR = Pattern.compile("(?i)^\\s*qr:\\s*(.*?)\\s*$", Pattern.DOTALL);

  private final Function<String, String> qrCode;

  LetterHtml(Function<String, String> qrCode) {
    this.qrCode = qrCode;
  }

  /** The body, already HTML-escaped, as XHTML. */
  String render(String escapedBody) {
    return render(NotifyMarkdown.parse(escapedBody));
  }

  private String render(Node node) {
    return switch (node) {
      case Paragraph p -> paragraph(p);
      case Heading h when h.getLevel() == 1 -> "<h2>" + inner(h) + "</h2>";
      case Heading h -> plainParagraph(inner(h));
      case ThematicBreak t -> "<div class=\"page-break\">&#160;</div>";
      case BlockQuote q -> inner(q);
      case BulletList l -> "<ul>" + inner(l) + "</ul>";
      case OrderedList l -> "<ol>" + inner(l) + "</ol>";
      case ListItem i -> "<li>" + Whitespace.strip(inner(i)) + "</li>";
      case Link l -> "[" + inner(l) + "](" + text(l.getDestination()) + ")";
      case Image i -> "";
      case Text t -> autolink(typography(t.getLiteral()));
      case SoftLineBreak b -> "<br/>";
      case HardLineBreak b -> "<br/>";
      case Code c -> text(c.getLiteral());
      case Delimited d -> d.getOpeningDelimiter() + inner((Node) d) + d.getClosingDelimiter();
      case FencedCodeBlock c -> plainParagraph(text(c.getLiteral()));
      case IndentedCodeBlock c -> plainParagraph(text(c.getLiteral()));
      case HtmlBlock h -> plainParagraph(text(h.getLiteral()));
      case HtmlInline h -> text(h.getLiteral());
      default -> node.getFirstChild() == null ? "" : inner(node);
    };
  }

  private String inner(Node node) {
    return NotifyMarkdown.children(node, this::render);
  }

  private String paragraph(Paragraph p) {
    if (p.getFirstChild() instanceof Text first && p.getFirstChild() == p.getLastChild()) {
      Matcher qr = QR.matcher(first.getLiteral());
      if (qr.matches() && !qr.group(1).isEmpty()) {
        return "<div class=\"qrcode\">" + qrCode.apply(qr.group(1)) + "</div>";
      }
    }
    String text = inner(p);
    return NotifyMarkdown.inTightList(p) ? text : plainParagraph(text);
  }

  private static String plainParagraph(String text) {
    return Whitespace.strip(text).isEmpty() ? "" : "<p>" + text + "</p>";
  }

  private static String typography(String literal) {
    String escaped = literal.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    String typographic = Typography.smartQuotes(escaped.replace("\u00A0", "&nbsp;"));
    typographic = Typography.enDashes(Whitespace.removeBeforePunctuation(typographic));
    return typographic.replace("&nbsp;", "&#160;");
  }

  private static String autolink(String html) {
    Matcher matcher = URL.matcher(html);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String shown = matcher.group().replaceFirst("^https?://", "");
      matcher.appendReplacement(out, Matcher.quoteReplacement("<strong>" + shown + "</strong>"));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** Text as XHTML: the markdown parser has decoded the escaping done before it. */
  private static String text(String literal) {
    return literal
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\u00A0", "&#160;");
  }
}

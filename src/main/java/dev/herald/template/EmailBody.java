package dev.herald.template;

import java.nio.charset.StandardCharsets;
import org.commonmark.node.Node;

/** Turns a rendered email body (Notify markdown) into the HTML and plain text that are sent. */
public final class EmailBody {

  /** The most UTF-8 bytes an email body may have after personalisation. */
  public static final int MAX_BYTES = 2_000_000;

  /**
   * The most levels of lists, quotes, emphasis and links an email body may nest, which keeps its
   * rendering well inside a thread's stack (not a Notify limit; Notify fails on a few hundred).
   */
  public static final int MAX_NESTING = 100;

  private EmailBody() {}

  /** The two parts of an email that is sent. */
  public record Parts(String html, String plainText) {}

  /**
   * {@link #html} and {@link #plainText} together: when HTML-escaping leaves the body as it was (no
   * {@code &}, {@code <} or {@code >}), both are rendered from one parse of the markdown.
   */
  public static Parts parts(String renderedBody) {
    String escaped = HtmlEscape.escape(renderedBody);
    if (!escaped.equals(renderedBody)) {
      return new Parts(EmailHtml.render(escaped + "\n"), plainText(renderedBody));
    }
    Node document = NotifyMarkdown.parse(renderedBody + "\n");
    return new Parts(EmailHtml.renderDocument(document), EmailPlainText.renderDocument(document));
  }

  /** The inline-styled HTML, with everything in the body HTML-escaped before markdown runs. */
  public static String html(String renderedBody) {
    return EmailHtml.render(HtmlEscape.escape(renderedBody) + "\n");
  }

  /** The plain-text alternative, ending with a newline. */
  public static String plainText(String renderedBody) {
    return EmailPlainText.render(renderedBody + "\n");
  }

  /** The length in UTF-8 bytes, which Notify limits to {@link #MAX_BYTES}. */
  public static int utf8ByteLength(String renderedBody) {
    return renderedBody.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Whether the body nests deeper than {@link #MAX_NESTING}, measured without recursion. */
  public static boolean isNestedTooDeeply(String renderedBody) {
    return MarkdownNesting.deeperThan(renderedBody, MAX_NESTING);
  }

  /** Whether the body is over {@link #MAX_BYTES}. */
  public static boolean isTooLong(String renderedBody) {
    return utf8ByteLength(renderedBody) > MAX_BYTES;
  }
}

package dev.herald.template;

import java.nio.charset.StandardCharsets;

/** Turns a rendered email body (Notify markdown) into the HTML and plain text that are sent. */
public final class EmailBody {

  /** The most UTF-8 bytes an email body may have after personalisation. */
  public static final int MAX_BYTES = 2_000_000;

  private EmailBody() {}

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

  /** Whether the body is over {@link #MAX_BYTES}. */
  public static boolean isTooLong(String renderedBody) {
    return utf8ByteLength(renderedBody) > MAX_BYTES;
  }
}

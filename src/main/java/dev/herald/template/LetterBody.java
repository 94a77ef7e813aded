package dev.herald.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The parts of a letter's page as XHTML, for the PDF renderer, and the checks they need. */
public final class LetterBody {

  /** The most UTF-8 bytes of data a QR code in a letter may hold (Notify's limit). */
  public static final int MAX_QR_BYTES = 504;

  private LetterBody() {}

  /**
   * The rendered body (Notify markdown) as XHTML; {@code qrCode} draws the data of a {@code qr:}
   * paragraph as XHTML.
   */
  public static String html(String renderedBody, Function<String, String> qrCode) {
    return new LetterHtml(qrCode).render(HtmlEscape.escape(renderedBody) + "\n");
  }

  /** A rendered subject (already HTML-escaped) as XHTML; none is empty. */
  public static String subject(String renderedSubject) {
    return renderedSubject == null ? "" : renderedSubject.replace("&nbsp;", "&#160;");
  }

  /** The contact block filled in and escaped, its lines as {@code <br/>}. */
  public static String contactBlock(String block, Map<String, ?> personalisation) {
    if (block == null) {
      return "";
    }
    String filled = Field.fill(block, personalisation, Field.Lists.PROSE, HtmlEscape::escape);
    return String.join("<br/>", Whitespace.strip(filled).split("\r\n|\r|\n", -1))
        .replace("&nbsp;", "&#160;");
  }

  /** The data of the first QR code in the body that holds more than {@link #MAX_QR_BYTES}. */
  public static Optional<String> tooLongQrData(String renderedBody) {
    // A QR code's paragraph is one line: without a long "qr:" line, no need to parse the body.
    if (renderedBody.lines().noneMatch(LetterBody::mayBeTooLongQrCode)) {
      return Optional.empty();
    }
    List<String> codes = new ArrayList<>();
    html(
        renderedBody,
        data -> {
          codes.add(data);
          return "";
        });
    return codes.stream()
        .filter(data -> data.getBytes(StandardCharsets.UTF_8).length > MAX_QR_BYTES)
        .findFirst();
  }

  private static boolean mayBeTooLongQrCode(String line) {
    String text = line.strip();
    return text.regionMatches(true, 0, "qr:", 0, 3)
        && text.getBytes(StandardCharsets.UTF_8).length > MAX_QR_BYTES;
  }
}

package dev.herald.provider.outbox;

import dev.herald.support.Timestamps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The outbox for people: {@code /outbox} (a page, newest first, each email rendered as its
 * recipient would see it) and {@code /outbox.json}. It exists for trying Herald out; with real
 * providers configured it stays empty. Only local requests and the admin token see it ({@link
 * LocalOrAdminInterceptor}).
 */
@RestController
class OutboxController {

  private static final Map<String, String> TITLES =
      Map.of("email", "Email", "sms", "Text message", "letter", "Letter");

  private final Outbox outbox;

  OutboxController(Outbox outbox) {
    this.outbox = outbox;
  }

  @GetMapping(value = "/outbox.json", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> json() {
    List<Map<String, Object>> messages =
        outbox.messages().stream()
            .map(
                m -> {
                  Map<String, Object> view = new LinkedHashMap<>();
                  view.put("notification_id", m.notificationId());
                  view.put("type", m.type());
                  view.put("from", m.from());
                  view.put("to", m.to());
                  view.put("subject", m.subject());
                  view.put("html", m.html());
                  view.put("text", m.text());
                  if (m.pdf() != null) {
                    view.put("pdf", m.pdf());
                  }
                  view.put("sent_at", Timestamps.format(m.at()));
                  return view;
                })
            .toList();
    return Map.of("messages", messages);
  }

  @GetMapping(value = "/outbox", produces = MediaType.TEXT_HTML_VALUE)
  String page() {
    StringBuilder html =
        new StringBuilder(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Herald outbox</title>"
                + "<style>body{font-family:sans-serif;margin:2em;max-width:60em}"
                + "article{border:1px solid #b1b4b6;margin:1em 0;padding:1em}"
                + "iframe{width:100%;height:20em;border:1px solid #ddd}"
                + "pre{white-space:pre-wrap}</style></head><body><h1>Outbox</h1>"
                + "<p>Messages Herald would have sent, newest first (the last "
                + Outbox.CAPACITY
                + ", kept in memory only).</p>");
    if (outbox.messages().isEmpty()) {
      html.append("<p>No messages yet.</p>");
    }
    for (Outbox.Message m : outbox.messages()) {
      html.append("<article><h2>")
          .append(TITLES.get(m.type()))
          .append(m.subject() == null ? "" : ": " + HtmlUtils.htmlEscape(m.subject()))
          .append("</h2>");
      if (m.pdf() != null) {
        html.append("<pre>")
            .append(HtmlUtils.htmlEscape(m.to()))
            .append("</pre><p>")
            .append(HtmlUtils.htmlEscape(m.text()))
            .append(", made at ")
            .append(Timestamps.format(m.at()))
            .append(": <a href=\"")
            .append(HtmlUtils.htmlEscape(m.pdf()))
            .append("\">download the PDF</a></p></article>");
        continue;
      }
      html.append("<p>From ")
          .append(HtmlUtils.htmlEscape(m.from()))
          .append(" to ")
          .append(HtmlUtils.htmlEscape(m.to()))
          .append(" at ")
          .append(Timestamps.format(m.at()))
          .append("</p>");
      if (m.html() != null) {
        html.append("<iframe sandbox title=\"email body\" srcdoc=\"")
            .append(HtmlUtils.htmlEscape(m.html()))
            .append("\"></iframe>");
      } else {
        html.append("<pre>").append(HtmlUtils.htmlEscape(m.text())).append("</pre>");
      }
      html.append("</article>");
    }
    return html.append("</body></html>").toString();
  }
}

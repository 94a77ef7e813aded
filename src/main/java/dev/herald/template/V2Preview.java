package dev.herald.template;

import java.util.UUID;

/** The answer to {@code POST /v2/template/{id}/preview}. */
record V2Preview(
    UUID id, String type, int version, String body, String subject, String html, String postage) {

  static V2Preview of(Template t, RenderedTemplate rendered) {
    boolean email = "email".equals(t.type());
    return new V2Preview(
        t.id(),
        t.type(),
        t.version(),
        rendered.body(),
        "sms".equals(t.type()) ? null : rendered.subject(),
        email ? EmailBody.html(rendered.body()) : null,
        "letter".equals(t.type()) ? t.postage() : null);
  }
}

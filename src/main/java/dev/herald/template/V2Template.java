package dev.herald.template;

import dev.herald.support.Timestamps;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A template as {@code GET /v2/template/{id}} shows it. */
record V2Template(
    UUID id,
    String type,
    String createdAt,
    String updatedAt,
    String createdBy,
    int version,
    String body,
    String subject,
    String name,
    Map<String, Map<String, Boolean>> personalisation,
    String postage,
    String letterContactBlock) {

  static V2Template of(Template t) {
    Map<String, Map<String, Boolean>> personalisation = new LinkedHashMap<>();
    for (String name : Renders.placeholders(t)) {
      personalisation.put(name, Map.of("required", true));
    }
    boolean email = "email".equals(t.type());
    boolean letter = "letter".equals(t.type());
    return new V2Template(
        t.id(),
        t.type(),
        Timestamps.format(t.createdAt()),
        Timestamps.format(t.updatedAt()),
        t.createdBy(),
        t.version(),
        t.content(),
        email || letter ? t.subject() : null,
        t.name(),
        personalisation,
        letter ? t.postage() : null,
        letter ? t.letterContactBlock() : null);
  }
}

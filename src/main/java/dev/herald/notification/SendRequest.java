package dev.herald.notification;

import dev.herald.auth.AuthenticatedKey;
import dev.herald.service.Service;
import dev.herald.template.Template;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A send request once validated: who sends, what, with which values. */
record SendRequest(
    AuthenticatedKey key,
    Service service,
    String type,
    JsonNode body,
    Template template,
    Map<String, Object> personalisation) {

  String text(String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }
}

package dev.herald.notification;

import dev.herald.template.ContentSanitiser;
import dev.herald.template.RenderedTemplate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The 201 body of a send (contract §4.1, §4.2 for a letter from a template). */
final class SendResponse {

  private SendResponse() {}

  static Map<String, Object> of(
      UUID id,
      SendRequest request,
      RenderedTemplate rendered,
      String sender,
      Map<String, ContentSanitiser.Change> sanitised,
      String emailDomain,
      String root) {
    Map<String, Object> template = new LinkedHashMap<>();
    template.put("id", request.template().id());
    template.put("version", request.template().version());
    template.put(
        "uri",
        root + "/services/" + request.service().id() + "/templates/" + request.template().id());
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("body", rendered.body());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("reference", request.text("reference"));
    body.put("uri", root + "/v2/notifications/" + id);
    body.put("template", template);
    body.put("scheduled_for", null);
    if ("sms".equals(request.type())) {
      content.put("from_number", sender);
    } else if ("letter".equals(request.type())) {
      content.put("subject", rendered.subject());
    } else {
      content.put("subject", rendered.subject());
      content.put("from_email", request.service().emailSenderLocalPart() + "@" + emailDomain);
      content.put("one_click_unsubscribe_url", request.text("one_click_unsubscribe_url"));
      Map<String, Object> changes = new LinkedHashMap<>();
      sanitised.forEach(
          (key, change) ->
              changes.put(
                  key,
                  Map.of("unsanitised", change.unsanitised(), "sanitised", change.sanitised())));
      body.put("sanitised_content", changes);
    }
    body.put("content", content);
    return body;
  }
}

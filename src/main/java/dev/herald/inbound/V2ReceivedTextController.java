package dev.herald.inbound;

import dev.herald.api.ApiException;
import dev.herald.api.Links;
import dev.herald.api.QueryParameters;
import dev.herald.api.RequestValidator;
import dev.herald.auth.AuthenticatedKey;
import dev.herald.support.Timestamps;
import dev.herald.support.Uuids;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code GET /v2/received-text-messages}: a service's received texts, newest first. */
@RestController
class V2ReceivedTextController {

  static final int PAGE_SIZE = 250;
  private static final RequestValidator QUERY =
      RequestValidator.forSchema("schemas/get_inbound_sms_request.json");

  private final InboundSmsRepository inbound;
  private final Links links;

  V2ReceivedTextController(InboundSmsRepository inbound, Links links) {
    this.inbound = inbound;
    this.links = links;
  }

  @GetMapping("/v2/received-text-messages")
  Map<String, Object> list(
      AuthenticatedKey key,
      @RequestParam MultiValueMap<String, String> query,
      HttpServletRequest request) {
    JsonNode params = QueryParameters.toJson(query, List.of());
    List<String> errors = QUERY.validate(params);
    if (!errors.isEmpty()) {
      throw ApiException.validation(errors);
    }
    UUID olderThan =
        params.has("older_than")
            ? Uuids.parse(params.get("older_than").asString()).orElseThrow()
            : null;
    List<InboundSms> page = inbound.page(key.serviceId(), olderThan, PAGE_SIZE);
    String current = links.root(request) + "/v2/received-text-messages";
    Map<String, String> linkMap = new LinkedHashMap<>();
    linkMap.put("current", current);
    if (!page.isEmpty()) {
      linkMap.put("next", current + "?older_than=" + page.getLast().id());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("received_text_messages", page.stream().map(V2ReceivedTextController::view).toList());
    body.put("links", linkMap);
    return body;
  }

  private static Map<String, Object> view(InboundSms sms) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", sms.id());
    view.put("user_number", sms.userNumber());
    view.put("notify_number", sms.notifyNumber());
    view.put("service_id", sms.serviceId());
    view.put("content", sms.content());
    view.put("created_at", Timestamps.format(sms.createdAt()));
    return view;
  }
}

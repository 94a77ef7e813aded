package dev.herald.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.herald.api.ApiException;
import dev.herald.api.Links;
import dev.herald.api.QueryParameters;
import dev.herald.api.RequestValidator;
import dev.herald.auth.AuthenticatedKey;
import dev.herald.notification.NotificationRepository.ListQuery;
import dev.herald.notification.NotificationRepository.Stored;
import dev.herald.support.Uuids;
import dev.herald.template.Personalisations;
import dev.herald.template.Template;
import dev.herald.template.TemplateCache;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code GET /v2/notifications/{id}} and {@code GET /v2/notifications}. */
@RestController
class V2NotificationController {

  static final int PAGE_SIZE = 250;
  private static final List<String> REPEATABLE = List.of("template_type", "status");
  private static final List<String> ALL_TYPES = List.of("email", "sms", "letter");
  private static final List<String> ALL_STATUSES =
      Arrays.stream(NotificationStatus.values()).map(NotificationStatus::value).toList();
  private static final RequestValidator QUERY =
      RequestValidator.forSchema("schemas/get_notifications_request.json");

  private final NotificationRepository notifications;
  private final TemplateCache templates;
  private final LetterDetails letters;
  private final Links links;
  private final ObjectMapper json;

  V2NotificationController(
      NotificationRepository notifications,
      TemplateCache templates,
      LetterDetails letters,
      Links links,
      ObjectMapper json) {
    this.notifications = notifications;
    this.templates = templates;
    this.letters = letters;
    this.links = links;
    this.json = json;
  }

  @GetMapping("/v2/notifications/{id}")
  NotificationView get(AuthenticatedKey key, @PathVariable String id, HttpServletRequest request) {
    Stored stored =
        notifications
            .find(key.serviceId(), notificationId(id))
            .orElseThrow(ApiException::noResultFound);
    return view(stored, links.root(request));
  }

  private static UUID notificationId(String id) {
    return Uuids.parse(id)
        .orElseThrow(() -> ApiException.validation("notification_id is not a valid UUID"));
  }

  @GetMapping("/v2/notifications")
  NotificationPage list(
      AuthenticatedKey key,
      @RequestParam MultiValueMap<String, String> query,
      HttpServletRequest request) {
    JsonNode params = QueryParameters.toJson(query, REPEATABLE);
    List<String> errors = QUERY.validate(params);
    if (!errors.isEmpty()) {
      throw ApiException.validation(errors);
    }
    List<String> statuses = new ArrayList<>();
    strings(params, "status").forEach(s -> statuses.addAll(NotificationStatus.expandFilter(s)));
    UUID olderThan =
        params.has("older_than")
            ? Uuids.parse(params.get("older_than").asString()).orElseThrow()
            : null;
    List<String> types = strings(params, "template_type");
    List<Stored> page =
        notifications.page(
            new ListQuery(
                key.serviceId(),
                key.keyType().value(),
                statuses.isEmpty() ? ALL_STATUSES : statuses,
                types.isEmpty() ? ALL_TYPES : types,
                params.has("reference") ? params.get("reference").asString() : null,
                params.has("include_jobs"),
                olderThan,
                PAGE_SIZE));
    String root = links.root(request);
    String current = root + "/v2/notifications" + queryString(query, null);
    String next =
        page.isEmpty()
            ? null
            : root + "/v2/notifications" + queryString(query, page.getLast().notification().id());
    return new NotificationPage(
        page.stream().map(s -> view(s, root)).toList(), new PageLinks(current, next));
  }

  /** The list's answer (contract §4.4). */
  record NotificationPage(
      @JsonProperty("notifications") List<NotificationView> notifications,
      @JsonProperty("links") PageLinks links) {}

  /** {@code next} is left out on an empty page. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record PageLinks(@JsonProperty("current") String current, @JsonProperty("next") String next) {}

  private NotificationView view(Stored stored, String root) {
    Notification n = stored.notification();
    Template template =
        templates
            .version(n.serviceId(), n.templateId(), n.templateVersion())
            .orElseThrow(
                () -> new IllegalStateException("No template version for notification " + n.id()));
    return NotificationView.of(
        stored,
        template,
        Personalisations.fromJson(json, stored.personal().personalisationJson()),
        letters,
        root);
  }

  private static List<String> strings(JsonNode params, String name) {
    List<String> values = new ArrayList<>();
    if (params.has(name)) {
      params.get(name).forEach(v -> values.add(v.asString()));
    }
    return values;
  }

  /** The query as given, with {@code older_than} replaced in place or added at the end. */
  private static String queryString(MultiValueMap<String, String> query, UUID olderThan) {
    List<String> pairs = new ArrayList<>();
    boolean replaced = false;
    for (var entry : query.entrySet()) {
      if (entry.getKey().equals("older_than") && olderThan != null) {
        pairs.add("older_than=" + olderThan);
        replaced = true;
        continue;
      }
      for (String value : entry.getValue()) {
        pairs.add(encode(entry.getKey()) + "=" + encode(value));
      }
    }
    if (olderThan != null && !replaced) {
      pairs.add("older_than=" + olderThan);
    }
    return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}

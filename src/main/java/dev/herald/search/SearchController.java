package dev.herald.search;

import dev.herald.api.ApiException;
import dev.herald.api.Links;
import dev.herald.notification.NotificationStatus;
import dev.herald.search.SearchRepository.Found;
import dev.herald.search.SearchRepository.SearchQuery;
import dev.herald.service.ServiceRepository;
import dev.herald.support.Timestamps;
import dev.herald.support.Uuids;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/services/{id}/notifications?to=…}: Notify's admin search. Test-key
 * notifications are left out unless {@code key_type} asks for them, as Notify leaves them out.
 */
@RestController
class SearchController {

  static final int PAGE_SIZE = 50;
  private static final List<String> TYPES = List.of("email", "sms", "letter");
  private static final List<String> KEY_TYPES = List.of("normal", "team", "test");
  private static final List<String> DEFAULT_KEY_TYPES = List.of("normal", "team");
  private static final List<String> STATUSES =
      Arrays.stream(NotificationStatus.values()).map(NotificationStatus::value).toList();

  private final ServiceRepository services;
  private final SearchRepository search;
  private final Links links;

  SearchController(ServiceRepository services, SearchRepository search, Links links) {
    this.services = services;
    this.search = search;
    this.links = links;
  }

  @GetMapping("/admin/services/{id}/notifications")
  Map<String, Object> search(
      @PathVariable String id,
      @RequestParam MultiValueMap<String, String> query,
      HttpServletRequest request) {
    UUID serviceId =
        Uuids.parse(id).flatMap(services::find).orElseThrow(ApiException::noResultFound).id();
    SearchQuery q = parse(serviceId, query);
    List<Found> found = search.search(q);
    List<Found> page = found.subList(0, Math.min(found.size(), PAGE_SIZE));
    String path = request.getRequestURI();
    Map<String, Object> linkMap = new LinkedHashMap<>();
    linkMap.put("current", links.root(request) + withOlderThan(path, query, null));
    if (found.size() > PAGE_SIZE) {
      linkMap.put("next", links.root(request) + withOlderThan(path, query, page.getLast().id()));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("notifications", page.stream().map(SearchController::view).toList());
    body.put("links", linkMap);
    return body;
  }

  static SearchQuery parse(UUID serviceId, MultiValueMap<String, String> query) {
    List<String> errors = new ArrayList<>();
    String to = query.getFirst("to");
    if (to == null || to.isBlank()) {
      errors.add("to is a required property");
    }
    List<String> statuses = new ArrayList<>();
    oneOf(query, "status", STATUSES, errors)
        .forEach(s -> statuses.addAll(NotificationStatus.expandFilter(s)));
    List<String> types = oneOf(query, "template_type", TYPES, errors);
    List<String> keyTypes = oneOf(query, "key_type", KEY_TYPES, errors);
    String olderThanText = query.getFirst("older_than");
    UUID olderThan = olderThanText == null ? null : Uuids.parse(olderThanText).orElse(null);
    if (olderThanText != null && olderThan == null) {
      errors.add("older_than is not a valid UUID");
    }
    if (!errors.isEmpty()) {
      throw ApiException.validation(errors);
    }
    return new SearchQuery(
        serviceId,
        SearchTerm.of(to),
        keyTypes.isEmpty() ? DEFAULT_KEY_TYPES : keyTypes,
        statuses.isEmpty() ? STATUSES : statuses,
        types.isEmpty() ? TYPES : types,
        olderThan,
        PAGE_SIZE + 1);
  }

  private static List<String> oneOf(
      MultiValueMap<String, String> query, String name, List<String> allowed, List<String> errors) {
    List<String> values = query.getOrDefault(name, List.of());
    values.stream()
        .filter(v -> !allowed.contains(v))
        .forEach(
            v ->
                errors.add(name + " " + v + " is not one of [" + String.join(", ", allowed) + "]"));
    return values;
  }

  /**
   * The request's own parameters, encoded again from their decoded values (a raw {@code =} or
   * {@code &} in a value stays part of it), with {@code older_than} replaced when given.
   */
  private static String withOlderThan(
      String path, MultiValueMap<String, String> query, UUID olderThan) {
    StringJoiner parameters = new StringJoiner("&");
    query.forEach(
        (name, values) -> {
          if (olderThan == null || !name.equals("older_than")) {
            values.forEach(value -> parameters.add(encoded(name) + "=" + encoded(value)));
          }
        });
    if (olderThan != null) {
      parameters.add("older_than=" + olderThan);
    }
    return parameters.length() == 0 ? path : path + "?" + parameters;
  }

  private static String encoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static Map<String, Object> view(Found f) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", f.id());
    view.put("type", f.type());
    view.put("status", f.status());
    view.put("key_type", f.keyType());
    view.put("template", Map.of("id", f.templateId(), "version", f.templateVersion()));
    view.put("to", f.recipient());
    view.put("reference", f.reference());
    view.put("created_at", Timestamps.format(f.createdAt()));
    view.put("sent_at", Timestamps.format(f.sentAt()));
    view.put("updated_at", Timestamps.format(f.updatedAt()));
    return view;
  }
}

package dev.herald.bench;

import dev.herald.bench.SearchBench.SizedService;
import dev.herald.notification.NotificationRepository;
import dev.herald.notification.NotificationRepository.ListQuery;
import dev.herald.notification.NotificationStatus;
import dev.herald.testdata.Tokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /v2/notifications} with a fresh JWT per request, as the official clients send it: the
 * first page, {@code older_than} pages, and filters by status and template type, on services of
 * different sizes. The baseline is the same page read through {@link NotificationRepository} (its
 * SQL over JDBC) without HTTP, authentication, rendering or JSON.
 */
final class ListBench {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> ALL_TYPES = List.of("email", "sms", "letter");
  private static final List<String> ALL_STATUSES =
      Arrays.stream(NotificationStatus.values()).map(NotificationStatus::value).toList();

  /** One request: what it is an example of, on which service, with which key and query. */
  record Case(String kind, SizedService service, String key, String query) {}

  private final NotificationRepository notifications;
  private final BenchHttp http;
  private final int perKind;

  ListBench(NotificationRepository notifications, BenchHttp http, int perKind) {
    this.notifications = notifications;
    this.http = http;
    this.perKind = perKind;
  }

  void run(Map<SizedService, String> keys, CpuCalibration calibration) throws Exception {
    System.out.printf("%n== GET /v2/notifications, 250 a page ==%n%s%n", Load.now());
    List<Case> cases = new ArrayList<>();
    for (Map.Entry<SizedService, String> e : keys.entrySet()) {
      cases.addAll(cases(e.getKey(), e.getValue()));
    }
    PairedRuns.run(
        cases, Case::kind, c -> c.service().label(), this::herald, this::baseline, calibration);
  }

  private long[] herald(Case c) throws Exception {
    String authorization = "Bearer " + Tokens.token(c.key(), Instant.now());
    BenchHttp.Answer a = http.get(path(c.query()), authorization);
    return new long[] {a.nanos(), JSON.readTree(a.body()).get("notifications").size()};
  }

  private long[] baseline(Case c) {
    var params = QueryStrings.parse(c.query());
    List<String> statuses = new ArrayList<>();
    params
        .getOrDefault("status", List.of())
        .forEach(s -> statuses.addAll(NotificationStatus.expandFilter(s)));
    List<String> types = params.getOrDefault("template_type", List.of());
    String olderThan = params.getFirst("older_than");
    ListQuery query =
        new ListQuery(
            c.service().id(),
            "normal",
            statuses.isEmpty() ? ALL_STATUSES : statuses,
            types.isEmpty() ? ALL_TYPES : types,
            null,
            false,
            olderThan == null ? null : UUID.fromString(olderThan),
            250);
    long began = System.nanoTime();
    int found = notifications.page(query).size();
    return new long[] {System.nanoTime() - began, found};
  }

  private List<Case> cases(SizedService s, String key) throws Exception {
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < perKind; i++) {
      cases.add(new Case("first page", s, key, ""));
    }
    List<String> pages = chain(key, "", perKind + 1);
    for (String query : pages.subList(1, pages.size())) {
      cases.add(new Case("older_than pages 2 to " + (perKind + 1), s, key, query));
    }
    for (String filter :
        List.of(
            "status=failed",
            "status=sending",
            "template_type=letter",
            "template_type=sms&status=delivered")) {
      for (String query : chain(key, filter, perKind)) {
        cases.add(new Case(filter + ", pages 1 to " + perKind, s, key, query));
      }
    }
    return cases;
  }

  private static String path(String query) {
    return "/v2/notifications" + (query.isEmpty() ? "" : "?" + query);
  }

  /** The first query and those of up to {@code pages − 1} pages after it, while pages are full. */
  private List<String> chain(String key, String first, int pages) throws Exception {
    List<String> queries = new ArrayList<>(List.of(first));
    while (queries.size() < pages) {
      BenchHttp.Answer a =
          http.get(path(queries.getLast()), "Bearer " + Tokens.token(key, Instant.now()));
      JsonNode page = JSON.readTree(a.body());
      if (page.get("notifications").size() < 250) {
        break;
      }
      queries.add(QueryStrings.of(page.get("links").get("next").asString()));
    }
    return queries;
  }
}

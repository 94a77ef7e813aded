package dev.herald.bench;

import dev.herald.search.SearchForBench;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /admin/services/{id}/notifications?to=…} on services of different sizes: whole
 * recipients as people type them, pieces rare and common, filters, first and next pages. Each
 * request is timed over HTTP and, as the baseline, the same search without HTTP: the controller's
 * parsing and the repository's statements over JDBC. One request at a time, the two sides
 * alternating which goes first.
 */
final class SearchBench {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One request: what it is an example of, on which service, with which query string. */
  record Case(String kind, SizedService service, String query) {}

  private final ConfigurableApplicationContext context;
  private final JdbcClient jdbc;
  private final BenchHttp http;
  private final String adminAuth;
  private final int perKind;

  SearchBench(
      ConfigurableApplicationContext context,
      JdbcClient jdbc,
      BenchHttp http,
      String adminAuth,
      int perKind) {
    this.context = context;
    this.jdbc = jdbc;
    this.http = http;
    this.adminAuth = adminAuth;
    this.perKind = perKind;
  }

  void run(List<SizedService> services, CpuCalibration calibration) throws Exception {
    System.out.printf(
        "%n== Admin search: GET /admin/services/{id}/notifications?to=… ==%n%s%n", Load.now());
    List<Case> cases = new ArrayList<>();
    for (SizedService service : services) {
      cases.addAll(cases(service));
    }
    PairedRuns.run(
        cases, Case::kind, c -> c.service().label(), this::herald, this::baseline, calibration);
  }

  /** Time and page size over HTTP. */
  private long[] herald(Case c) throws Exception {
    BenchHttp.Answer a =
        http.get("/admin/services/" + c.service().id() + "/notifications?" + c.query(), adminAuth);
    return new long[] {a.nanos(), JSON.readTree(a.body()).get("notifications").size()};
  }

  /** Time and page size without HTTP (the repository reads a page and one, to know of a next). */
  private long[] baseline(Case c) {
    var query = QueryStrings.parse(c.query());
    long began = System.nanoTime();
    int found = SearchForBench.search(context, c.service().id(), query);
    return new long[] {System.nanoTime() - began, Math.min(found, 50)};
  }

  private List<Case> cases(SizedService s) throws Exception {
    List<Case> cases = new ArrayList<>();
    List<String> emails = sample(s, "email", false);
    List<String> phones = sample(s, "sms", false);
    List<String> references = sample(s, null, true);
    for (int i = 0; i < perKind; i++) {
      String email = emails.get(i % emails.size());
      String phone = phones.get(i % phones.size());
      String reference = references.get(i % references.size());
      cases.add(new Case("email address", s, "to=" + enc(email)));
      cases.add(
          new Case(
              "phone number (07711 912345, +44 7711 912345)",
              s,
              "to=" + enc(i % 2 == 0 ? phone : "+44 " + phone.substring(1))));
      cases.add(
          new Case(
              "email address, status=delivered, type=email",
              s,
              "to=" + enc(email) + "&status=delivered&template_type=email"));
      cases.add(
          new Case(
              "reference piece (ref-123456)",
              s,
              "to=" + enc(reference.substring("client-".length()))));
      cases.add(new Case("phone piece (07711 9123)", s, "to=" + enc(phone.substring(0, 10))));
      cases.add(new Case("piece found nowhere (zq7x)", s, "to=zq" + i + "x"));
      cases.add(new Case("common piece (example.com), page 1", s, "to=example.com"));
    }
    List<String> pages = chain(s, "to=example.com", perKind + 1);
    for (String query : pages.subList(1, pages.size())) {
      cases.add(new Case("common piece, pages 2 to " + (perKind + 1), s, query));
    }
    for (String query : chain(s, "to=example.com&status=failed", perKind)) {
      cases.add(new Case("common piece, status=failed, pages 1 to " + perKind, s, query));
    }
    return cases;
  }

  /** The first query and those of up to {@code pages − 1} pages after it ({@code links.next}). */
  private List<String> chain(SizedService s, String first, int pages) throws Exception {
    List<String> queries = new ArrayList<>(List.of(first));
    while (queries.size() < pages) {
      BenchHttp.Answer a =
          http.get("/admin/services/" + s.id() + "/notifications?" + queries.getLast(), adminAuth);
      JsonNode next = JSON.readTree(a.body()).get("links").get("next");
      if (next == null) {
        break;
      }
      queries.add(QueryStrings.of(next.asString()));
    }
    return queries;
  }

  /**
   * Recipients (or, with {@code withReference}, client references) of normal-key notifications of
   * the service, a fixed sample spread over its whole history.
   */
  private List<String> sample(SizedService s, String type, boolean withReference) {
    return jdbc.sql(
            """
            SELECT CASE WHEN :withReference THEN n.client_reference ELSE p.recipient END
              FROM (SELECT id, expires_on, client_reference FROM notifications
                     WHERE service_id = :service AND key_type = 'normal'
                       AND (CAST(:type AS text) IS NULL OR notification_type = :type)
                       AND (NOT :withReference OR client_reference IS NOT NULL)
                     ORDER BY hashtext(CAST(id AS text))
                     LIMIT :count) n
             CROSS JOIN LATERAL (SELECT recipient FROM notification_personal_data
                                  WHERE notification_id = n.id AND expires_on = n.expires_on
                                  LIMIT 1) p
            """)
        .param("service", s.id())
        .param("type", type)
        .param("withReference", withReference)
        .param("count", perKind)
        .query(String.class)
        .list();
  }

  private static String enc(String value) {
    return QueryStrings.encode(value);
  }

  /** A generated service, its number of notifications, and how the tables name it. */
  record SizedService(UUID id, long rows, String label) {}
}

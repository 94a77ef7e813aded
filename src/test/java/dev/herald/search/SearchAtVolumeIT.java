package dev.herald.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.notification.ExpiryDays;
import dev.herald.support.PagePosition;
import dev.herald.support.Timestamps;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.BulkNotifications;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin search on a service with 20,000 notifications, more than {@link PieceSearch#WINDOW}:
 * which path finds a piece, what the plans read, and that both paths page the same way. The rows
 * are inserted in one statement, as the benchmark's generator does.
 */
class SearchAtVolumeIT extends ApiIT {

  private static final int ROWS = 20_000;
  private static UUID service;

  @Autowired JdbcClient jdbc;
  @Autowired ExpiryDays expiryDays;
  @Autowired PieceSearch pieces;
  @Autowired TransactionTemplate transactions;

  @BeforeEach
  void fixture() {
    if (service == null) {
      service = herald.liveService();
      insertNotifications(herald.template(service, "email", "Subject", "Hello"));
    }
  }

  private void insertNotifications(UUID template) {
    var now = clock.instant();
    BulkNotifications.insert(
        jdbc,
        service,
        template,
        ROWS,
        ROWS,
        now.minusSeconds(ROWS + 60),
        Timestamps.londonDate(now).plusDays(7));
    // As autovacuum leaves a table in use: statistics, and the trigram indexes' own counts.
    jdbc.sql("VACUUM ANALYZE notifications").update();
    jdbc.sql("VACUUM ANALYZE notification_personal_data").update();
  }

  @Test
  void aPieceMostNotificationsContainIsReadFromTheNewestOnlyAndPagesOn() {
    JsonNode first = search("to=example.com");
    assertThat(references(first)).isEqualTo(orders(ROWS - 1, 50));
    JsonNode second = follow(first.get("links").get("next").asString());
    assertThat(references(second)).isEqualTo(orders(ROWS - 51, 50));

    List<Map<String, Object>> scans = executed(PieceSearch.NEWEST, "example.com");
    List<String> newestFirst = IndexPartitions.of(jdbc, "ix_notifications_service_created");
    List<Map<String, Object>> walks =
        scans.stream().filter(n -> newestFirst.contains(n.get("index"))).toList();
    // One walk per key-type partition of notifications, merged: together the window, no more.
    assertThat(walks).isNotEmpty();
    assertThat(walks.stream().mapToInt(n -> (int) n.get("rows")).sum())
        .isLessThanOrEqualTo(PieceSearch.WINDOW + walks.size());
    assertThat(scans).noneMatch(n -> "Seq Scan".equals(n.get("node")));

    // Of the window, only the first chunk is read: a page matched in it.
    PieceSearch.Window window =
        pieces.recent(query("example.com"), piece("example.com"), PagePosition.FIRST);
    assertThat(window.read()).isEqualTo(PieceSearch.FIRST_CHUNK);
    assertThat(window.probed()).isEqualTo(PieceSearch.FIRST_CHUNK);
    assertThat(window.found()).hasSize(51);
  }

  @Test
  void aPieceNoneOfTheNewestContainIsLookedForInAllOfTheirPersonalData() {
    PieceSearch.Window window = pieces.recent(query("zq7x"), piece("zq7x"), PagePosition.FIRST);
    assertThat(window.found()).isEmpty();
    assertThat(window.all()).isFalse();
    assertThat(window.read()).isEqualTo(PieceSearch.WINDOW);
    assertThat(window.probed()).isEqualTo(PieceSearch.WINDOW);
  }

  /**
   * The trigram statement gets a plan for its values, not the generic plan a server-prepared
   * statement falls back to: at 10M rows that plan ANDed every day's trigram bitmap with the
   * service's whole recipient index (220 ms instead of 15; PieceSearch.search).
   */
  @Test
  void theTrigramSearchIsPlannedForItsValues() {
    String mode =
        transactions.execute(
            tx -> {
              List<SearchRepository.Found> found =
                  pieces.search(
                      query("NEEDLE-0001"),
                      piece("NEEDLE-0001"),
                      PagePosition.FIRST,
                      ExpiryDays.literal(
                          expiryDays.ofService(service, List.of("email", "sms", "letter"))));
              assertThat(found)
                  .extracting(SearchRepository.Found::reference)
                  .containsExactly("Needle-0001");
              return jdbc.sql("SELECT current_setting('plan_cache_mode')")
                  .query(String.class)
                  .single();
            });
    assertThat(mode).isEqualTo("force_custom_plan");
  }

  private SearchRepository.SearchQuery query(String to) {
    return new SearchRepository.SearchQuery(
        service,
        SearchTerm.of(to),
        List.of("normal", "team"),
        List.of("created", "sending", "delivered", "permanent-failure"),
        List.of("email", "sms", "letter"),
        null,
        51);
  }

  private static SearchTerm.Piece piece(String to) {
    return (SearchTerm.Piece) SearchTerm.of(to);
  }

  @Test
  void aPieceAFewOfTheNewestMatchWidensTheWindowToAPage() {
    JsonNode first = search("to=example.com&status=failed&template_type=sms");
    List<String> expected = new ArrayList<>();
    for (int i = ROWS - 20; expected.size() < 100; i -= 20) {
      expected.add("order-" + i);
    }
    assertThat(references(first)).isEqualTo(expected.subList(0, 50));
    JsonNode second = follow(first.get("links").get("next").asString());
    assertThat(references(second)).isEqualTo(expected.subList(50, 100));
  }

  @Test
  void aPieceNoneOfTheNewestContainIsFoundThroughTheTrigramIndexes() {
    JsonNode first = search("to=order-5");
    assertThat(references(first)).isEqualTo(orders(5999, 50));
    JsonNode second = follow(first.get("links").get("next").asString());
    assertThat(references(second)).isEqualTo(orders(5949, 50));

    assertThat(references(search("to=NEEDLE-0001"))).containsExactly("Needle-0001");
  }

  @Test
  void aSelectiveSearchReadsBothTrigramIndexes() {
    List<Map<String, Object>> scans = executed(PieceSearch.BY_PIECE, "Needle-0001");

    List<String> referenceTrigrams =
        IndexPartitions.of(jdbc, "ix_notifications_client_reference_trgm");
    assertThat(scans).anyMatch(n -> referenceTrigrams.contains(n.get("index")));
    List<String> recipientTrigrams = IndexPartitions.of(jdbc, "ix_personal_data_recipient_trgm");
    assertThat(scans).anyMatch(n -> recipientTrigrams.contains(n.get("index")));
    assertThat(scans).noneMatch(n -> "Seq Scan".equals(n.get("node")) && (int) n.get("rows") > 0);
  }

  private JsonNode search(String query) {
    return herald.adminOk("GET", "/admin/services/" + service + "/notifications?" + query, null);
  }

  private JsonNode follow(String link) {
    URI next = URI.create(link);
    return herald.adminOk("GET", next.getRawPath() + "?" + next.getRawQuery(), null);
  }

  private static List<String> references(JsonNode page) {
    List<String> references = new ArrayList<>();
    page.get("notifications").forEach(n -> references.add(n.get("reference").asString()));
    return references;
  }

  /** The references {@code order-<from>}, {@code order-<from - 1>}, … that contain the piece. */
  private static List<String> orders(int from, int count) {
    List<String> expected = new ArrayList<>();
    for (int i = from; expected.size() < count; i--) {
      expected.add("order-" + i);
    }
    return expected;
  }

  /**
   * The plan nodes that ran (EXPLAIN ANALYZE), as node type, table, index and rows. Nothing is
   * switched off: these are the planner's own choices at this size.
   */
  /**
   * The plan of an exact-recipient search: its one match, then that notification by key. At 20,000
   * rows the planner also chose this plan for the plain join that BY_RECIPIENT used to be (checked
   * by hand), so this does not reproduce the 10M-row regression (the join walked the service's
   * notifications newest first; bench scale): the LATERAL form rules that out by its shape.
   */
  @Test
  void aWholeAddressReadsItsPersonalDataThenEachNotificationByKey() {
    String recipient = "person123@example.com";
    List<Map<String, Object>> scans =
        executed(SearchRepository.BY_RECIPIENT, "person123", recipient);

    List<String> primaryKeys = IndexPartitions.of(jdbc, "notifications_pkey");
    assertThat(scans)
        .filteredOn(n -> primaryKeys.contains(n.get("index")))
        .isNotEmpty()
        .allSatisfy(n -> assertThat((int) n.get("rows")).isLessThanOrEqualTo(1));
    // Empty partitions (the days ahead) are scanned whole: nothing to read.
    assertThat(scans).noneMatch(n -> "Seq Scan".equals(n.get("node")) && (int) n.get("rows") > 0);
    assertThat(scans.stream().mapToInt(n -> (int) n.get("rows")).max().orElseThrow())
        .as("no node reads more than the one match")
        .isLessThanOrEqualTo(1);
  }

  private List<Map<String, Object>> executed(String sql, String to) {
    return executed(sql, to, null);
  }

  private List<Map<String, Object>> executed(String sql, String to, String recipient) {
    SearchTerm.Piece piece = (SearchTerm.Piece) SearchTerm.of(to);
    String json =
        jdbc.sql("EXPLAIN (ANALYZE, FORMAT JSON) " + withTheServicesDays(sql))
            .param("recipient", recipient)
            .param("serviceId", service)
            .param("keyTypes", new String[] {"normal", "team"})
            .param("statuses", new String[] {"delivered"})
            .param("types", new String[] {"email"})
            .param("before", PagePosition.FIRST.before())
            .param("beforeId", PagePosition.FIRST.id())
            .param("limit", 51)
            .param("window", PieceSearch.WINDOW)
            .param("recipientPattern", piece.recipientPattern())
            .param("referencePattern", piece.referencePattern())
            .param("recipientIndexPattern", piece.recipientIndexPattern())
            .param("recipientText", piece.recipientText())
            .param("referenceIndexPattern", piece.referenceIndexPattern())
            .param("referenceText", piece.referenceText())
            .query(String.class)
            .single();
    List<Map<String, Object>> nodes = new ArrayList<>();
    collect(JsonMapper.builder().build().readTree(json).get(0).get("Plan"), nodes);
    return nodes;
  }

  private static void collect(JsonNode node, List<Map<String, Object>> nodes) {
    if (node.path("Actual Loops").asInt() > 0) {
      nodes.add(
          Map.of(
              "node", node.get("Node Type").asString(),
              "table", node.path("Relation Name").asString(""),
              "index", node.path("Index Name").asString(""),
              "rows", node.path("Actual Rows").asInt()));
    }
    node.path("Plans").forEach(child -> collect(child, nodes));
  }

  /** The statement bounded to the service's expiry days, as the search runs it. */
  private String withTheServicesDays(String sql) {
    String days =
        ExpiryDays.literal(expiryDays.ofService(service, List.of("email", "sms", "letter")));
    return sql.formatted(days, days);
  }
}

package dev.herald.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.notification.ExpiryDays;
import dev.herald.support.PagePosition;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
 * The admin search over HTTP: normalised recipients, pieces of references, filters, paging by
 * {@code older_than}; and the plans of its statements.
 */
class SearchIT extends ApiIT {

  @Autowired JdbcClient jdbc;
  @Autowired ExpiryDays expiryDays;
  @Autowired TransactionTemplate transactions;

  private UUID service;
  private String key;
  private UUID sms;
  private UUID email;

  @BeforeEach
  void fixture() {
    service = herald.liveService();
    key = herald.key(service, "normal");
    sms = herald.template(service, "sms", null, "Hello");
    email = herald.template(service, "email", "Subject", "Hello");
  }

  private String send(String key, UUID template, String field, String to, String reference) {
    Map<String, Object> body = new HashMap<>();
    body.put("template_id", template.toString());
    body.put(field, to);
    if (reference != null) {
      body.put("reference", reference);
    }
    String path =
        field.equals("phone_number") ? "/v2/notifications/sms" : "/v2/notifications/email";
    Http.Response r = http.send("POST", path, Tokens.bearer(key), Http.json(body));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asString();
  }

  private JsonNode search(String query) {
    return herald.adminOk("GET", "/admin/services/" + service + "/notifications?" + query, null);
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("notifications").forEach(n -> ids.add(n.get("id").asString()));
    return ids;
  }

  @Test
  void pagesThroughARecipientsNotificationsNewestFirstFiftyAtATime() {
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 55; i++) {
      sent.add(send(key, sms, "phone_number", "07700 900123", "order-" + i));
    }
    send(key, sms, "phone_number", "07700900456", null);
    UUID other = herald.liveService();
    send(
        herald.key(other, "normal"),
        herald.template(other, "sms", null, "Hi"),
        "phone_number",
        "07700900123",
        null);
    send(herald.key(service, "test"), sms, "phone_number", "07700900123", null);

    JsonNode first = search("to=" + q("+447700900123"));
    assertThat(ids(first)).hasSize(50).isEqualTo(sent.reversed().subList(0, 50));
    JsonNode item = first.get("notifications").get(0);
    assertThat(item.get("to").asString()).isEqualTo("07700 900123");
    assertThat(item.get("reference").asString()).isEqualTo("order-54");
    assertThat(item.get("type").asString()).isEqualTo("sms");
    assertThat(item.get("key_type").asString()).isEqualTo("normal");
    assertThat(item.get("template").get("id").asString()).isEqualTo(sms.toString());
    assertThat(item.get("template").get("version").asInt()).isEqualTo(1);
    assertThat(item.get("created_at").asString()).matches("\\d{4}-.*T.*\\.\\d{6}Z");

    URI next = URI.create(first.get("links").get("next").asString());
    assertThat(next.getRawQuery()).contains("older_than=" + sent.get(5));
    JsonNode second = herald.adminOk("GET", next.getRawPath() + "?" + next.getRawQuery(), null);
    assertThat(ids(second)).isEqualTo(sent.reversed().subList(50, 55));
    assertThat(second.get("links").has("next")).isFalse();

    assertThat(ids(search("to=" + q("07700 900123")))).hasSize(50);
    assertThat(ids(search("to=" + q("07700900123") + "&key_type=test"))).hasSize(1);
  }

  @Test
  void findsEmailAddressesWhateverTheirCase() {
    String mixed = send(key, email, "email_address", "Jane.Doe@Example.com", null);
    String lower = send(key, email, "email_address", "jane.doe@example.com", null);
    send(key, email, "email_address", "john@example.com", null);

    JsonNode page = search("to=" + q("JANE.DOE@example.COM"));

    assertThat(ids(page)).containsExactly(lower, mixed);
    assertThat(page.get("notifications").get(1).get("to").asString())
        .isEqualTo("Jane.Doe@Example.com");
    assertThat(page.get("links").has("next")).isFalse();
  }

  @Test
  void findsPiecesOfReferencesAndRecipients() {
    String invoice = send(key, sms, "phone_number", "07700900001", "Invoice-2024-ABC");
    String byNumber = send(key, sms, "phone_number", "07700900789", null);
    String address = send(key, email, "email_address", "someone@council.gov.uk", null);

    assertThat(ids(search("to=" + q("2024-abc")))).containsExactly(invoice);
    assertThat(ids(search("to=" + q("07700 90078")))).containsExactly(byNumber);
    assertThat(ids(search("to=" + q("council.GOV")))).containsExactly(address);
    assertThat(ids(search("to=" + q("%")))).isEmpty();
  }

  @Test
  void findsATermWithARawEqualsSignAndLinksBackToIt() {
    String equals = send(key, sms, "phone_number", "07700900001", "a=b&c");
    send(key, sms, "phone_number", "07700900002", "ab");

    JsonNode page = search("to=a=b");
    assertThat(ids(page)).containsExactly(equals);
    URI current = URI.create(page.get("links").get("current").asString());
    assertThat(ids(herald.adminOk("GET", current.getRawPath() + "?" + current.getRawQuery(), null)))
        .containsExactly(equals);
    assertThat(ids(search("to=" + q("a=b&c")))).containsExactly(equals);
    assertThat(ids(search("to=="))).containsExactly(equals);
    assertThat(ids(search("to=x=y"))).isEmpty();
  }

  @Test
  void filtersByStatusAndType() {
    String text = send(key, sms, "phone_number", "07700900321", "shared");
    String failedText = send(key, sms, "phone_number", "07700900322", "shared");
    String mail = send(key, email, "email_address", "shared@example.com", "shared");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jdbc.sql(
                            "SELECT count(*) FROM notifications WHERE service_id = :s AND status = 'delivered'")
                        .param("s", service)
                        .query(Long.class)
                        .single()
                    == 3);
    jdbc.sql("UPDATE notifications SET status = 'permanent-failure' WHERE id = CAST(:id AS uuid)")
        .param("id", failedText)
        .update();

    assertThat(ids(search("to=shared&template_type=sms"))).containsExactly(failedText, text);
    assertThat(ids(search("to=shared&status=failed"))).containsExactly(failedText);
    assertThat(ids(search("to=shared&status=delivered&template_type=email"))).containsExactly(mail);
    assertThat(ids(search("to=shared&status=delivered&status=permanent-failure"))).hasSize(3);
  }

  @Test
  void leavesOutNotificationsPastRetention() {
    String id = send(key, sms, "phone_number", "07700900555", null);
    jdbc.sql("DELETE FROM notification_personal_data WHERE notification_id = CAST(:id AS uuid)")
        .param("id", id)
        .update();

    assertThat(ids(search("to=07700900555"))).isEmpty();
  }

  @Test
  void refusesBadFiltersAndAnswers404ForAnUnknownService() {
    Http.Response bad =
        herald.admin(
            "GET",
            "/admin/services/" + service + "/notifications?status=elephant&older_than=nope",
            null);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").findValuesAsString("message"))
        .contains("to is a required property", "older_than is not a valid UUID")
        .anyMatch(m -> m.startsWith("status elephant is not one of [cancelled, created"));
    assertThat(
            herald
                .admin("GET", "/admin/services/" + UUID.randomUUID() + "/notifications?to=x", null)
                .status())
        .isEqualTo(404);
  }

  @Test
  void theExactRecipientSearchCanUseTheRecipientIndex() {
    send(key, sms, "phone_number", "07700900999", null);
    jdbc.sql("ANALYZE notifications, notification_personal_data").update();

    List<String> plan = plan(SearchRepository.BY_RECIPIENT, Map.of("recipient", "447700900999"));

    List<String> partitionIndexes = IndexPartitions.of(jdbc, "ix_personal_data_service_recipient");
    assertThat(plan).noneMatch(node -> node.startsWith("Seq Scan"));
    assertThat(plan)
        .anyMatch(
            node ->
                node.startsWith("Index Scan")
                    && partitionIndexes.stream().anyMatch(node::endsWith));
  }

  @Test
  void thePieceSearchCanUseTheTrigramIndexes() {
    send(key, sms, "phone_number", "07700900998", "trigram-ref");
    jdbc.sql("ANALYZE notifications, notification_personal_data").update();

    List<String> plan =
        plan(
            PieceSearch.BY_PIECE,
            Map.of(
                "recipientIndexPattern", "%gram-r%",
                "recipientText", "gram-r",
                "referenceIndexPattern", "%gram-r%",
                "referenceText", "gram-r"));

    assertThat(plan).noneMatch(node -> node.startsWith("Seq Scan"));
    List<String> trigrams = IndexPartitions.of(jdbc, "ix_personal_data_recipient_trgm");
    assertThat(
            plan(
                "SELECT notification_id FROM notification_personal_data"
                    + " WHERE normalised_recipient LIKE :recipientPattern",
                Map.of("recipientPattern", "%900998%")))
        .anyMatch(node -> trigrams.stream().anyMatch(node::endsWith));
  }

  /**
   * The plan's nodes as "Node Type on relation using index". These tables are tiny, so the planner
   * would rightly scan them whole: sequential scans are switched off in this transaction only, to
   * show that an index can serve the statement, not that it is chosen at this size.
   */
  private List<String> plan(String sql, Map<String, Object> term) {
    String json =
        transactions.execute(
            tx -> {
              jdbc.sql("SET LOCAL enable_seqscan = off").update();
              var statement =
                  jdbc.sql("EXPLAIN (FORMAT JSON) " + withTheServicesDays(sql))
                      .param("serviceId", service)
                      .param("keyTypes", new String[] {"normal", "team"})
                      .param("statuses", new String[] {"delivered", "sending", "created"})
                      .param("types", new String[] {"email", "sms", "letter"})
                      .param("before", PagePosition.FIRST.before())
                      .param("beforeId", PagePosition.FIRST.id())
                      .param("limit", 51);
              for (var e : term.entrySet()) {
                statement = statement.param(e.getKey(), e.getValue());
              }
              return statement.query(String.class).single();
            });
    List<String> nodes = new ArrayList<>();
    collect(JsonMapper.builder().build().readTree(json).get(0).get("Plan"), nodes);
    return nodes;
  }

  private static void collect(JsonNode node, List<String> nodes) {
    nodes.add(
        node.get("Node Type").asString()
            + " on "
            + node.path("Relation Name").asString("")
            + " using "
            + node.path("Index Name").asString(""));
    node.path("Plans").forEach(child -> collect(child, nodes));
  }

  /** The statement bounded to the service's expiry days, as the search runs it. */
  private String withTheServicesDays(String sql) {
    String days =
        ExpiryDays.literal(expiryDays.ofService(service, List.of("email", "sms", "letter")));
    return sql.formatted(days, days);
  }
}

package dev.herald.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The notification JSON of {@code GET /v2/notifications/{id}} and of the list, field by field, as
 * contract §4.3 gives it: every field present in Notify's order, nulls written, numbers as Notify
 * writes them. The official clients read these fields by name, and some treat a missing field as an
 * error.
 */
class NotificationJsonIT extends ApiIT {

  private static final List<String> FIELDS =
      List.of(
          "id",
          "reference",
          "email_address",
          "phone_number",
          "line_1",
          "line_2",
          "line_3",
          "line_4",
          "line_5",
          "line_6",
          "postcode",
          "type",
          "status",
          "template",
          "body",
          "subject",
          "created_at",
          "created_by_name",
          "sent_at",
          "completed_at",
          "scheduled_for",
          "postage",
          "one_click_unsubscribe_url",
          "is_cost_data_ready",
          "cost_in_pounds",
          "cost_details");

  private UUID service;
  private String key;

  @BeforeEach
  void fixture() {
    service = herald.liveService();
    key = herald.key(service, "normal");
  }

  @Test
  void anEmailHasEveryFieldWithNullsAndNoCost() {
    UUID template = herald.template(service, "email", "Subject for ((name))", "Hello ((name))");
    String id =
        send(
            "email",
            Map.of(
                "template_id",
                template.toString(),
                "email_address",
                "ada@example.gov.uk",
                "personalisation",
                Map.of("name", "Ada"),
                "reference",
                "order-1"));
    JsonNode n = delivered(id);

    assertThat(names(n)).isEqualTo(FIELDS);
    assertThat(n.get("id").asString()).isEqualTo(id);
    assertThat(n.get("reference").asString()).isEqualTo("order-1");
    assertThat(n.get("email_address").asString()).isEqualTo("ada@example.gov.uk");
    assertNull(n, "phone_number", "line_1", "line_2", "line_3", "line_4", "line_5", "line_6");
    assertNull(n, "postcode", "created_by_name", "scheduled_for", "postage");
    assertNull(n, "one_click_unsubscribe_url");
    assertThat(n.get("type").asString()).isEqualTo("email");
    assertThat(n.get("status").asString()).isEqualTo("delivered");
    assertThat(names(n.get("template"))).containsExactly("id", "version", "uri");
    assertThat(n.get("template").get("id").asString()).isEqualTo(template.toString());
    assertThat(n.get("template").get("version").asInt()).isEqualTo(1);
    assertThat(n.get("template").get("uri").asString())
        .isEqualTo(http.root() + "/v2/template/" + template + "/version/1");
    assertThat(n.get("body").asString()).isEqualTo("Hello Ada");
    assertThat(n.get("subject").asString()).isEqualTo("Subject for Ada");
    assertThat(n.get("created_at").asString())
        .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");
    assertThat(n.get("sent_at").asString()).endsWith("Z");
    assertThat(n.get("completed_at").asString()).endsWith("Z");
    assertThat(n.get("is_cost_data_ready").asBoolean()).isTrue();
    assertThat(n.get("cost_in_pounds").isDouble()).isTrue();
    assertThat(n.get("cost_in_pounds").asDouble()).isZero();
    assertThat(n.get("cost_details").isObject()).isTrue();
    assertThat(n.get("cost_details").isEmpty()).isTrue();
  }

  @Test
  void aTextMessageHasItsPhoneNumberNoSubjectAndItsCost() {
    UUID template = herald.template(service, "sms", null, "Hello ((name))");
    String id =
        send(
            "sms",
            Map.of(
                "template_id", template.toString(),
                "phone_number", "07700900123",
                "personalisation", Map.of("name", "Ada")));
    JsonNode n = delivered(id);

    assertThat(names(n)).isEqualTo(FIELDS);
    assertThat(n.get("phone_number").asString()).isEqualTo("07700900123");
    assertNull(n, "reference", "email_address", "subject", "postcode", "postage");
    assertThat(n.get("type").asString()).isEqualTo("sms");
    assertThat(n.get("body").asString()).isEqualTo("Hello Ada");
    assertThat(n.get("is_cost_data_ready").asBoolean()).isTrue();
    assertThat(n.get("cost_in_pounds").asDouble()).isEqualTo(0.0227);
    JsonNode cost = n.get("cost_details");
    assertThat(names(cost))
        .containsExactly("billable_sms_fragments", "international_rate_multiplier", "sms_rate");
    assertThat(cost.get("billable_sms_fragments").isInt()).isTrue();
    assertThat(cost.get("billable_sms_fragments").asInt()).isEqualTo(1);
    assertThat(cost.get("international_rate_multiplier").isDouble()).isTrue();
    assertThat(cost.get("international_rate_multiplier").asDouble()).isEqualTo(1.0);
    assertThat(cost.get("sms_rate").asString()).isEqualTo("0.0227");
  }

  @Test
  void theListShowsEachNotificationAsItsOwnPageDoes() {
    UUID email = herald.template(service, "email", "Subject", "Dear ((name))");
    UUID sms = herald.template(service, "sms", null, "Hi ((name))");
    String first =
        send(
            "email",
            Map.of(
                "template_id", email.toString(),
                "email_address", "grace@example.gov.uk",
                "personalisation", Map.of("name", "Grace")));
    String second =
        send(
            "sms",
            Map.of(
                "template_id", sms.toString(),
                "phone_number", "07700900124",
                "personalisation", Map.of("name", "Grace")));
    JsonNode firstAlone = delivered(first);
    JsonNode secondAlone = delivered(second);

    Http.Response list = http.send("GET", "/v2/notifications", Tokens.bearer(key), null);

    assertThat(list.status()).isEqualTo(200);
    assertThat(names(list.json())).containsExactly("notifications", "links");
    JsonNode page = list.json().get("notifications");
    assertThat(page.size()).isEqualTo(2);
    assertThat(page.get(0)).isEqualTo(secondAlone);
    assertThat(page.get(1)).isEqualTo(firstAlone);
    assertThat(names(page.get(0))).isEqualTo(FIELDS);
  }

  private String send(String type, Map<String, Object> body) {
    Http.Response r =
        http.send("POST", "/v2/notifications/" + type, Tokens.bearer(key), Http.json(body));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asString();
  }

  private JsonNode delivered(String id) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> get(id).get("status").asString().equals("delivered"));
    return get(id);
  }

  private JsonNode get(String id) {
    Http.Response r = http.send("GET", "/v2/notifications/" + id, Tokens.bearer(key), null);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.propertyNames().forEach(names::add);
    return names;
  }

  private static void assertNull(JsonNode n, String... fields) {
    for (String field : fields) {
      assertThat(n.has(field)).as(field).isTrue();
      assertThat(n.get(field).isNull()).as(field).isTrue();
    }
  }
}

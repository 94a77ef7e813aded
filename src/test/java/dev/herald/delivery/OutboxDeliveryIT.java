package dev.herald.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** With no provider configured, the outbox takes every message and simulates its receipt. */
class OutboxDeliveryIT extends ApiIT {

  @Autowired JdbcClient jdbc;

  private UUID service;
  private UUID smsTemplate;
  private UUID emailTemplate;

  @BeforeEach
  void fixture() {
    service = herald.liveService();
    smsTemplate = herald.template(service, "sms", null, "Hello ((name))");
    emailTemplate = herald.template(service, "email", "Subject for ((name))", "Hello ((name))");
  }

  private String send(String key, String type, String recipient) {
    Map<String, Object> body =
        "sms".equals(type)
            ? Map.of(
                "template_id",
                smsTemplate.toString(),
                "phone_number",
                recipient,
                "personalisation",
                Map.of("name", "Ada"))
            : Map.of(
                "template_id",
                emailTemplate.toString(),
                "email_address",
                recipient,
                "personalisation",
                Map.of("name", "Ada"));
    Http.Response r =
        http.send("POST", "/v2/notifications/" + type, Tokens.bearer(key), Http.json(body));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asString();
  }

  private String statusOf(String key, String id) {
    return http.send("GET", "/v2/notifications/" + id, Tokens.bearer(key), null)
        .json()
        .get("status")
        .asString();
  }

  private long outboxCopies(String id) {
    JsonNode messages = http.send("GET", "/outbox.json", null, null).json().get("messages");
    return messages
        .valueStream()
        .filter(m -> m.get("notification_id").asString().equals(id))
        .count();
  }

  @Test
  void deliversAnEmailToTheOutboxWithinSeconds() {
    String key = herald.key(service, "normal");
    String id = send(key, "email", "ada@example.gov.uk");

    await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(key, id).equals("delivered"));
    JsonNode message =
        http.send("GET", "/outbox.json", null, null)
            .json()
            .get("messages")
            .valueStream()
            .filter(m -> m.get("notification_id").asString().equals(id))
            .findFirst()
            .orElseThrow();
    assertThat(message.get("subject").asString()).isEqualTo("Subject for Ada");
    assertThat(message.get("html").asString()).contains("Hello Ada");
    assertThat(http.send("GET", "/outbox", null, null).body()).contains("Subject for Ada");
    JsonNode notification =
        http.send("GET", "/v2/notifications/" + id, Tokens.bearer(key), null).json();
    assertThat(notification.get("sent_at").isNull()).isFalse();
    assertThat(notification.get("completed_at").isNull()).isFalse();
  }

  @Test
  void deliversATextMessageAndCountsItsFragments() {
    String key = herald.key(service, "normal");
    String id = send(key, "sms", "07700900123");
    await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(key, id).equals("delivered"));
    JsonNode n = http.send("GET", "/v2/notifications/" + id, Tokens.bearer(key), null).json();
    assertThat(n.get("cost_details").get("billable_sms_fragments").asInt()).isEqualTo(1);
    assertThat(n.get("is_cost_data_ready").asBoolean()).isTrue();
  }

  @Test
  void simulatesNotifysOutcomesForTestKeysWithoutReachingAProvider() {
    String key = herald.key(service, "test");
    String temporary = send(key, "sms", "07700900003");
    String permanent = send(key, "email", "perm-fail@simulator.notify");
    String delivered = send(key, "sms", "07700900456");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> statusOf(key, temporary).equals("temporary-failure"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> statusOf(key, permanent).equals("permanent-failure"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> statusOf(key, delivered).equals("delivered"));
    assertThat(outboxCopies(delivered)).isZero();
  }

  @Test
  void aReplayedDeliveryTaskIsANoOp() throws Exception {
    String key = herald.key(service, "normal");
    String id = send(key, "sms", "07700900124");
    await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(key, id).equals("delivered"));

    // The same notification queued again, as a replayed task would be: the run finds it no
    // longer created, removes the row and sends nothing.
    jdbc.sql(
            """
            INSERT INTO delivery_queue (notification_id, key_type, priority, run_at)
            SELECT id, key_type, 100, created_at FROM notifications WHERE id = CAST(:id AS uuid)
            """)
        .param("id", id)
        .update();
    await().atMost(Duration.ofSeconds(10)).until(() -> queueRows(id) == 0);

    assertThat(outboxCopies(id)).isEqualTo(1);
    assertThat(statusOf(key, id)).isEqualTo("delivered");
  }

  @Test
  void leavesNoDeliveryTaskBehind() {
    String key = herald.key(service, "normal");
    String id = send(key, "email", "grace@example.gov.uk");
    await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(key, id).equals("delivered"));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                queueRows(id)
                        + jdbc.sql(
                                "SELECT count(*) FROM scheduled_tasks WHERE task_instance = :id OR task_instance LIKE :like")
                            .param("id", id)
                            .param("like", "%|" + id + "|%")
                            .query(Long.class)
                            .single()
                    == 0);
  }

  private long queueRows(String id) {
    return jdbc.sql("SELECT count(*) FROM delivery_queue WHERE notification_id = CAST(:id AS uuid)")
        .param("id", id)
        .query(Long.class)
        .single();
  }
}

package dev.herald.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.herald.support.Sql;
import dev.herald.support.Timestamps;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.RecordingEndpoint;
import dev.herald.testdata.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ServiceCallbacksIT extends ApiIT {

  private static final String TOKEN = "a-secret-callback-token";
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Autowired ServiceCallbacks callbacks;
  @Autowired CallbackWorker worker;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired ApplicationContext context;

  private final RecordingEndpoint endpoint = new RecordingEndpoint();
  private RetryPolicy policy;
  private UUID service;
  private UUID template;
  private String key;

  /**
   * The delivery queue is stopped: the tests change the statuses themselves, and an outbox delivery
   * of the same text message (with its simulated receipt and its own callback) would race them.
   */
  @BeforeEach
  void setUp() {
    deliveries().stop();
    policy = worker.retryPolicy();
    worker.retryPolicy(new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), WAIT));
    service = herald.liveService();
    template = herald.template(service, "sms", null, "Hello ((name))");
    key = herald.key(service, "normal");
  }

  @AfterEach
  void tearDown() {
    deliveries().start();
    worker.retryPolicy(policy);
    endpoint.close();
  }

  @Test
  void postsTheDeliveryStatusAsNotifyDoesWithTheServicesBearerToken() {
    configure("delivery_status", endpoint.url());
    UUID id = sendSms("my-ref");
    Instant done = Instant.now().truncatedTo(ChronoUnit.MICROS);

    changeStatus(id, "delivered", done);

    await().atMost(WAIT).until(() -> endpoint.received().size() == 1);
    RecordingEndpoint.Received request = endpoint.received().getFirst();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.contentType()).isEqualTo("application/json");
    assertThat(request.authorization()).isEqualTo("Bearer " + TOKEN);
    JsonNode created = getNotification(id);
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("id", id.toString());
    expected.put("reference", "my-ref");
    expected.put("to", "07700 900123");
    expected.put("status", "delivered");
    expected.put("created_at", created.get("created_at").asString());
    expected.put("completed_at", Timestamps.format(done));
    expected.put("sent_at", Timestamps.format(done));
    expected.put("notification_type", "sms");
    expected.put("template_id", template.toString());
    expected.put("template_version", 1);
    assertThat(parse(request.body())).isEqualTo(JsonMapper.builder().build().valueToTree(expected));
    awaitNoTaskFor(id);
  }

  @Test
  void retriesA500UntilTheServiceAnswers200AndRecordsEveryAttempt() {
    endpoint.answering(500, 503);
    configure("delivery_status", endpoint.url());
    UUID id = sendSms(null);

    changeStatus(id, "permanent-failure", Instant.now());

    await().atMost(WAIT).until(() -> endpoint.received().size() == 3);
    awaitNoTaskFor(id);
    JsonNode attempts = attempts();
    assertThat(attempts).hasSize(3);
    assertThat(attempts.get(0).get("status_code").asInt()).isEqualTo(200);
    assertThat(attempts.get(0).get("attempt").asInt()).isEqualTo(3);
    assertThat(attempts.get(1).get("status_code").asInt()).isEqualTo(503);
    assertThat(attempts.get(2).get("status_code").asInt()).isEqualTo(500);
    assertThat(attempts.get(2).get("attempt").asInt()).isEqualTo(1);
    assertThat(attempts.get(2).get("subject_id").asString()).isEqualTo(id.toString());
    assertThat(attempts.get(2).get("notification_status").asString())
        .isEqualTo("permanent-failure");
    assertThat(endpoint.received())
        .allSatisfy(r -> assertThat(r.body()).contains("permanent-failure"));
  }

  @Test
  void retriesWhenTheEndpointCannotBeReached() {
    RecordingEndpoint gone = new RecordingEndpoint();
    gone.close();
    configure("delivery_status", gone.url());
    UUID id = sendSms(null);

    changeStatus(id, "delivered", Instant.now());

    await().atMost(WAIT).until(() -> attempts().size() >= 2);
    JsonNode first = attempts().get(attempts().size() - 1);
    assertThat(first.get("status_code").isNull()).isTrue();
    assertThat(first.get("error").asString()).isNotBlank().doesNotContain(TOKEN);
    configure("delivery_status", endpoint.url());
    await().atMost(WAIT).until(() -> endpoint.received().size() == 1);
    awaitNoTaskFor(id);
  }

  @Test
  void doesNotRetryA400() {
    endpoint.answering(400);
    configure("delivery_status", endpoint.url());
    UUID id = sendSms(null);

    changeStatus(id, "delivered", Instant.now());

    awaitNoTaskFor(id);
    assertThat(endpoint.received()).hasSize(1);
    assertThat(attempts()).hasSize(1);
    assertThat(attempts().get(0).get("status_code").asInt()).isEqualTo(400);
  }

  @Test
  void callsBackOnceForTheSameStatusHoweverOftenItIsReported() {
    configure("delivery_status", endpoint.url());
    UUID id = sendSms(null);

    transaction.executeWithoutResult(
        tx -> {
          setStatus(id, "delivered", Instant.now());
          callbacks.deliveryStatusChanged(id);
          callbacks.deliveryStatusChanged(id);
        });
    awaitNoTaskFor(id);
    transaction.executeWithoutResult(tx -> callbacks.deliveryStatusChanged(id));

    assertThat(tasksFor(id)).isZero();
    assertThat(endpoint.received()).hasSize(1);
  }

  @Test
  void aBatchOfChangesQueuesOneCallbackForEachNotificationThatHasOneToSend() {
    configure("delivery_status", endpoint.url());
    UUID delivered = sendSms("first");
    UUID failed = sendSms("second");
    UUID pending = sendSms("third");

    transaction.executeWithoutResult(
        tx -> {
          setStatus(delivered, "delivered", Instant.now());
          setStatus(failed, "permanent-failure", Instant.now());
          setStatus(pending, "pending", Instant.now());
          callbacks.statusChanged(List.of(delivered, failed, pending));
        });

    await().atMost(WAIT).until(() -> endpoint.received().size() == 2);
    assertThat(endpoint.received())
        .extracting(r -> parse(r.body()).get("reference").asString())
        .containsExactlyInAnyOrder("first", "second");
    awaitNoTaskFor(delivered);
    awaitNoTaskFor(failed);
    assertThat(tasksFor(pending)).isZero();
  }

  @Test
  void queuesNothingForAServiceWithoutADeliveryStatusCallback() {
    configure("inbound_sms", endpoint.url());
    UUID id = sendSms(null);

    changeStatus(id, "delivered", Instant.now());

    assertThat(tasksFor(id)).isZero();
  }

  @Test
  void queuesNothingForPending() {
    configure("delivery_status", endpoint.url());
    UUID id = sendSms(null);

    changeStatus(id, "pending", Instant.now());

    assertThat(tasksFor(id)).isZero();
  }

  @Test
  void mustBeCalledInsideTheTransactionThatChangedTheStatus() {
    assertThatThrownBy(() -> callbacks.deliveryStatusChanged(UUID.randomUUID()))
        .isInstanceOf(IllegalTransactionStateException.class);
  }

  @Test
  void postsAReceivedTextMessage() {
    String number = herald.inboundNumber(service);
    configure("inbound_sms", endpoint.url());
    Instant received = Instant.now().truncatedTo(ChronoUnit.MICROS);
    clock.set(received);
    UUID id =
        UUID.fromString(
            herald
                .adminOk(
                    "POST",
                    "/admin/services/" + service + "/inbound-sms",
                    Map.of("user_number", "447700900111", "content", "Stop – thanks"))
                .get("id")
                .asString());

    transaction.executeWithoutResult(tx -> callbacks.inboundSmsReceived(id));

    await().atMost(WAIT).until(() -> endpoint.received().size() == 1);
    RecordingEndpoint.Received request = endpoint.received().getFirst();
    assertThat(request.authorization()).isEqualTo("Bearer " + TOKEN);
    assertThat(request.body()).contains("\\u2013");
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("id", id.toString());
    expected.put("source_number", "447700900111");
    expected.put("destination_number", number);
    expected.put("message", "Stop – thanks");
    expected.put("date_received", Timestamps.format(received));
    assertThat(parse(request.body())).isEqualTo(JsonMapper.builder().build().valueToTree(expected));
  }

  @Test
  void listsReplacesAndDeletesCallbacksWithoutShowingTokens() {
    configure("delivery_status", "https://example.gov.uk/one");
    String id = configure("delivery_status", "https://example.gov.uk/two").get("id").asString();

    JsonNode list = herald.adminOk("GET", path(), null).get("callbacks");
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("id").asString()).isEqualTo(id);
    assertThat(list.get(0).get("url").asString()).isEqualTo("https://example.gov.uk/two");
    assertThat(list.toString()).doesNotContain(TOKEN);
    assertThat(herald.admin("DELETE", path() + "/delivery_status", null).status()).isEqualTo(204);
    assertThat(herald.admin("DELETE", path() + "/delivery_status", null).status()).isEqualTo(404);
    assertThat(herald.adminOk("GET", path(), null).get("callbacks")).isEmpty();
  }

  @Test
  void refusesPlainHttpShortTokensAndUnknownTypesAllAtOnce() {
    Http.Response response =
        herald.admin(
            "POST",
            path(),
            Map.of(
                "callback_type",
                "bounce",
                "url",
                "http://example.gov.uk",
                "bearer_token",
                "short"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body())
        .contains("callback_type bounce is not one of")
        .contains("url is not a valid https url")
        .contains("bearer_token is too short")
        .doesNotContain("\"short\"");
  }

  private JsonNode configure(String type, String url) {
    return herald.callback(service, type, url, TOKEN);
  }

  private String path() {
    return "/admin/services/" + service + "/callbacks";
  }

  private JsonNode attempts() {
    return herald.adminOk("GET", path() + "/attempts", null).get("attempts");
  }

  /** The delivery queue (package-private in its own package), by its bean name. */
  private SmartLifecycle deliveries() {
    return context.getBean("deliveryQueue", SmartLifecycle.class);
  }

  private UUID sendSms(String reference) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("phone_number", "07700 900123");
    body.put("template_id", template.toString());
    body.put("personalisation", Map.of("name", "Ada"));
    if (reference != null) {
      body.put("reference", reference);
    }
    Http.Response response =
        http.send("POST", "/v2/notifications/sms", Tokens.bearer(key), Http.json(body));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return UUID.fromString(response.json().get("id").asString());
  }

  private JsonNode getNotification(UUID id) {
    return http.send("GET", "/v2/notifications/" + id, Tokens.bearer(key), null).json();
  }

  /** What a receipt does: the status change and the callback in one transaction. */
  private void changeStatus(UUID id, String status, Instant at) {
    transaction.executeWithoutResult(
        tx -> {
          setStatus(id, status, at);
          callbacks.deliveryStatusChanged(id);
        });
  }

  private void setStatus(UUID id, String status, Instant at) {
    jdbc.sql(
            "UPDATE notifications SET status = :status, sent_at = :at, updated_at = :at WHERE id = :id")
        .param("status", status)
        .param("at", Sql.ts(at))
        .param("id", id)
        .update();
  }

  private long tasksFor(UUID id) {
    return jdbc.sql(
            "SELECT count(*) FROM scheduled_tasks WHERE task_name = 'send-callback' AND task_instance LIKE :prefix")
        .param("prefix", "delivery_status:" + id + ":%")
        .query(Long.class)
        .single();
  }

  private void awaitNoTaskFor(UUID id) {
    await().atMost(WAIT).until(() -> tasksFor(id) == 0);
  }

  private static JsonNode parse(String body) {
    return JsonMapper.builder().build().readTree(body);
  }
}

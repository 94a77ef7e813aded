package dev.herald.provider.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** Emails sent through a stand-in for SES, and SES's events coming back through SNS. */
@TestPropertySource(
    properties = {
      "herald.ses.region=eu-west-2",
      "herald.ses.access-key-id=AKIDEXAMPLE",
      "herald.ses.secret-access-key=secret",
      // the test's certificates and subscription URLs are served by the stand-in, over plain HTTP
      "herald.ses.sns-certificate-host-pattern=127\\.0\\.0\\.1",
      "herald.ses.sns-topic-arns=" + SnsTestSigner.TOPIC
    })
class SnsEventControllerIT extends ApiIT {

  private static final SesFakeServer ses = SesFakeServer.start();
  private static final String CERTIFICATE = "/SimpleNotificationService-test.pem";
  private static final SnsTestSigner sns = new SnsTestSigner(ses.endpoint() + CERTIFICATE);

  static {
    ses.serve(CERTIFICATE, sns.pem());
  }

  @DynamicPropertySource
  static void sesEndpoint(DynamicPropertyRegistry registry) {
    registry.add("herald.ses.endpoint", () -> ses.endpoint().toString());
  }

  @AfterAll
  static void stop() {
    ses.close();
  }

  @Autowired JdbcClient jdbc;

  private String key;
  private UUID template;

  @BeforeEach
  void aService() {
    UUID service = herald.liveService();
    key = herald.key(service, "normal");
    template = herald.template(service, "email", "Hello ((name))", "Dear ((name))");
  }

  @Test
  void aDeliveryEventMarksTheEmailDelivered() {
    String id = send();
    String reference = awaitSending(id);

    Http.Response r = post(sns.notification(event("Delivery", reference, null), "2"));

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(statusOf(id)).isEqualTo("delivered");
  }

  @Test
  void aPermanentBounceIsAPermanentFailureAndATransientOneTemporary() {
    String permanent = send();
    String transientBounce = send();
    String permanentReference = awaitSending(permanent);
    String transientReference = awaitSending(transientBounce);

    assertThat(
            post(sns.notification(event("Bounce", permanentReference, "Permanent"), "1")).status())
        .isEqualTo(200);
    assertThat(
            post(sns.notification(event("Bounce", transientReference, "Transient"), "2")).status())
        .isEqualTo(200);

    assertThat(statusOf(permanent)).isEqualTo("permanent-failure");
    assertThat(statusOf(transientBounce)).isEqualTo("temporary-failure");
  }

  @Test
  void aComplaintLeavesTheStatusAsItIs() {
    String id = send();
    String reference = awaitSending(id);

    assertThat(post(sns.notification(event("Complaint", reference, null), "2")).status())
        .isEqualTo(200);

    assertThat(statusOf(id)).isEqualTo("sending");
  }

  @Test
  void aBadSignatureOrAnotherTopicIsRefusedInTheEnvelope() {
    String id = send();
    String reference = awaitSending(id);
    var forged =
        new LinkedHashMap<>(sns.notification(event("Bounce", reference, "Permanent"), "2"));
    forged.put("Message", event("Delivery", reference, null));

    Http.Response r = post(forged);

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().get("status_code").asInt()).isEqualTo(403);
    assertThat(r.json().get("errors").get(0).get("error").asString()).isEqualTo("AuthError");
    assertThat(statusOf(id)).isEqualTo("sending");

    var otherTopic = new LinkedHashMap<>(sns.notification(event("Delivery", reference, null), "2"));
    otherTopic.put("TopicArn", "arn:aws:sns:eu-west-2:999999999999:someone-else");
    assertThat(post(sns.signed(otherTopic, "2")).status()).isEqualTo(403);
    assertThat(statusOf(id)).isEqualTo("sending");
  }

  @Test
  void aSubscriptionConfirmationFetchesTheSubscribeUrl() {
    String path = "/confirm-" + UUID.randomUUID();
    String subscribeUrl = ses.serve(path, "<ConfirmSubscriptionResponse/>".getBytes());

    Http.Response r = post(sns.subscriptionConfirmation(subscribeUrl));

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(ses.fetches(path)).isEqualTo(1);
  }

  @Test
  void malformedMessagesAreBadRequests() {
    assertThat(http.send("POST", "/providers/ses/events", null, "{not json").status())
        .isEqualTo(400);
    assertThat(
            http.send("POST", "/providers/ses/events", null, "{\"Type\":\"Notification\"}")
                .status())
        .isEqualTo(400);
    assertThat(post(sns.notification("not json", "2")).status()).isEqualTo(400);
    assertThat(post(sns.notification("{\"eventType\":\"Delivery\"}", "2")).status()).isEqualTo(400);
  }

  private String send() {
    Http.Response r =
        http.send(
            "POST",
            "/v2/notifications/email",
            Tokens.bearer(key),
            Http.json(
                Map.of(
                    "template_id", template.toString(),
                    "email_address", "ada@example.gov.uk",
                    "personalisation", Map.of("name", "Ada"))));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asString();
  }

  /** Waits for the email to be handed to SES; answers SES's MessageId, recorded as reference. */
  private String awaitSending(String id) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> sendingReference(id), Optional::isPresent)
        .orElseThrow();
  }

  private Optional<String> sendingReference(String id) {
    return jdbc.sql(
            """
            SELECT reference FROM notifications
             WHERE id = :id AND status = 'sending' AND sent_by = 'ses'
            """)
        .param("id", UUID.fromString(id))
        .query(String.class)
        .optional()
        .filter(reference -> ses.messageIds().contains(reference));
  }

  private String statusOf(String id) {
    return http.send("GET", "/v2/notifications/" + id, Tokens.bearer(key), null)
        .json()
        .get("status")
        .asString();
  }

  private Http.Response post(Map<String, String> message) {
    // SNS posts JSON as text/plain
    return http.send("POST", "/providers/ses/events", null, Http.json(message), "text/plain");
  }

  /** An SES event as SES publishes it; {@code bounceType} only for bounces. */
  private static String event(String type, String messageId, String bounceType) {
    String now = Instant.now().toString();
    Map<String, Object> detail =
        bounceType == null
            ? Map.of("timestamp", now)
            : Map.of("timestamp", now, "bounceType", bounceType);
    return Http.json(
        Map.of(
            "eventType",
            type,
            "mail",
            Map.of("timestamp", now, "messageId", messageId),
            type.toLowerCase(Locale.ROOT),
            detail));
  }
}

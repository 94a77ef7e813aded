package dev.herald.provider.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of tests that send emails through a stand-in for SES and post SES's events back through SNS,
 * signed with a test certificate. The stand-in runs until the JVM ends: the application context
 * that points at it is cached and shared by every subclass.
 */
@TestPropertySource(
    properties = {
      "herald.ses.region=eu-west-2",
      "herald.ses.access-key-id=AKIDEXAMPLE",
      "herald.ses.secret-access-key=secret",
      // the test's certificates and subscription URLs are served by the stand-in, over plain HTTP
      "herald.ses.sns-certificate-host-pattern=127\\.0\\.0\\.1",
      "herald.ses.sns-topic-arns=" + SnsTestSigner.TOPIC
    })
abstract class SesEventsIT extends ApiIT {

  static final SesFakeServer ses = SesFakeServer.start();
  private static final String CERTIFICATE = "/SimpleNotificationService-test.pem";
  static final SnsTestSigner sns = new SnsTestSigner(ses.endpoint() + CERTIFICATE);

  static {
    ses.serve(CERTIFICATE, sns.pem());
  }

  @DynamicPropertySource
  static void sesEndpoint(DynamicPropertyRegistry registry) {
    registry.add("herald.ses.endpoint", () -> ses.endpoint().toString());
  }

  @Autowired JdbcClient jdbc;

  UUID service;
  String key;
  private UUID template;

  @BeforeEach
  void aService() {
    service = herald.liveService();
    key = herald.key(service, "normal");
    template = herald.template(service, "email", "Hello ((name))", "Dear ((name))");
  }

  String send() {
    return send(null);
  }

  /** Sends an email to ada@example.gov.uk with this reference (none when null); answers its id. */
  String send(String reference) {
    Map<String, Object> body = new HashMap<>();
    body.put("template_id", template.toString());
    body.put("email_address", "ada@example.gov.uk");
    body.put("personalisation", Map.of("name", "Ada"));
    if (reference != null) {
      body.put("reference", reference);
    }
    Http.Response r =
        http.send("POST", "/v2/notifications/email", Tokens.bearer(key), Http.json(body));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asString();
  }

  /** Waits for the email to be handed to SES; answers SES's MessageId, recorded as reference. */
  String awaitSending(String id) {
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

  String statusOf(String id) {
    return http.send("GET", "/v2/notifications/" + id, Tokens.bearer(key), null)
        .json()
        .get("status")
        .asString();
  }

  Http.Response post(Map<String, String> message) {
    // SNS posts JSON as text/plain
    return http.send("POST", "/providers/ses/events", null, Http.json(message), "text/plain");
  }

  /** An SES event as SES publishes it, with these fields in its {@code type}'s own object. */
  static String sesEvent(String type, String messageId, Map<String, Object> detail) {
    return Http.json(
        Map.of(
            "eventType",
            type,
            "mail",
            Map.of(
                "timestamp",
                Instant.now().toString(),
                "messageId",
                messageId,
                "destination",
                List.of("ada@example.gov.uk")),
            type.toLowerCase(Locale.ROOT),
            detail));
  }
}

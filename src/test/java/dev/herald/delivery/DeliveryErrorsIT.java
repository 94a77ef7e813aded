package dev.herald.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.notification.Notification;
import dev.herald.notification.NotificationRepository;
import dev.herald.notification.NotificationStatus;
import dev.herald.notification.PersonalData;
import dev.herald.support.Ids;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** An error while delivering (not a provider's refusal) counts as an attempt like any failure. */
@ExtendWith(OutputCaptureExtension.class)
class DeliveryErrorsIT extends ApiIT {

  private static final String RECIPIENT = "deep-body@example.gov.uk";

  @Autowired NotificationRepository notifications;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;

  private String status(UUID id) {
    return jdbc.sql("SELECT status FROM notifications WHERE id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }

  private long queued(UUID id) {
    return jdbc.sql("SELECT count(*) FROM delivery_queue WHERE notification_id = :id")
        .param("id", id)
        .query(Long.class)
        .single();
  }

  @Test
  void givesUpAfterTheLastAttemptOnABodyThatOverflowsTheStack(CapturedOutput output) {
    UUID service = herald.liveService();
    UUID template = herald.template(service, "email", "Subject", "Hello\n\n((name))");
    String key = herald.key(service, "normal");
    UUID keyId =
        UUID.fromString(
            herald
                .adminOk(
                    "POST",
                    "/admin/services/" + service + "/api-keys",
                    Map.of("name", "stored " + UUID.randomUUID(), "key_type", "normal"))
                .get("id")
                .asString());
    // Stored as it was before sends checked the depth: the API refuses it now.
    String deep = "1. ".repeat(5_000) + "deep-value";
    Notification n =
        new Notification(
            Ids.timeOrdered(),
            service,
            template,
            1,
            keyId,
            "normal",
            "email",
            NotificationStatus.CREATED,
            null,
            0,
            false,
            null,
            null,
            LocalDate.now().plusDays(7),
            Instant.now(),
            null,
            null);
    String personalisation = "{\"name\": \"" + deep + "\"}";
    tx.executeWithoutResult(
        s ->
            notifications.insert(
                n, new PersonalData(RECIPIENT, RECIPIENT, personalisation, null, null)));

    await().atMost(Duration.ofSeconds(60)).until(() -> status(n.id()).equals("technical-failure"));
    assertThat(queued(n.id())).isZero();
    assertThat(output.getAll())
        .contains("Delivery of notification " + n.id() + " failed: java.lang.StackOverflowError")
        .doesNotContain("Exception in thread")
        .doesNotContain(RECIPIENT)
        .doesNotContain("deep-value");

    Http.Response sent =
        http.send(
            "POST",
            "/v2/notifications/email",
            Tokens.bearer(key),
            Http.json(
                Map.of(
                    "template_id",
                    template.toString(),
                    "email_address",
                    "ada@example.gov.uk",
                    "personalisation",
                    Map.of("name", "Ada"))));
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    UUID next = UUID.fromString(sent.json().get("id").asString());
    await().atMost(Duration.ofSeconds(30)).until(() -> status(next).equals("delivered"));
  }
}

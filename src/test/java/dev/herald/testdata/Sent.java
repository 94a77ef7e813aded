package dev.herald.testdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sends notifications through the v2 API and waits for the outbox to deliver them. */
public final class Sent {

  private Sent() {}

  /** An SMS of a new live service, delivered, with its expiry day. */
  public record Sms(UUID service, UUID id, LocalDate expiresOn) {}

  /** Makes a live service and a key, sends it an SMS and waits until it is delivered. */
  public static Sms deliveredSmsOfNewService(Herald herald, JdbcClient jdbc) {
    UUID service = herald.liveService();
    String key = herald.key(service, "normal");
    UUID id = deliveredSms(herald, jdbc, key, herald.template(service, "sms", null, "Hello"));
    LocalDate day =
        jdbc.sql("SELECT expires_on FROM notifications WHERE id = :id")
            .param("id", id)
            .query(LocalDate.class)
            .single();
    return new Sms(service, id, day);
  }

  /** Sends an SMS with a live key and waits until it is delivered; answers its id. */
  public static UUID deliveredSms(Herald herald, JdbcClient jdbc, String key, UUID template) {
    Http.Response r =
        herald
            .http()
            .send(
                "POST",
                "/v2/notifications/sms",
                Tokens.bearer(key),
                Http.json(
                    Map.of("template_id", template.toString(), "phone_number", "07700900123")));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    UUID id = UUID.fromString(r.json().get("id").asString());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                jdbc.sql("SELECT status FROM notifications WHERE id = :id")
                    .param("id", id)
                    .query(String.class)
                    .single()
                    .equals("delivered"));
    return id;
  }
}

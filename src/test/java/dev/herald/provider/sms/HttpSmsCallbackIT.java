package dev.herald.provider.sms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Herald;
import dev.herald.testdata.Http;
import dev.herald.testdata.ReceivedTextJourney;
import dev.herald.testdata.Tokens;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The aggregator's receipts and received texts, over HTTP into the whole application. */
@TestPropertySource(
    properties = {
      // Nothing listens there: these tests never send through the aggregator.
      "herald.http-sms.url=http://127.0.0.1:9/send",
      "herald.http-sms.callback-token=callback-secret"
    })
class HttpSmsCallbackIT extends ApiIT {

  private static final String CALLBACK = "Bearer callback-secret";

  @Autowired JdbcClient jdbc;

  private UUID service;
  private String key;

  @BeforeEach
  void aService() {
    service = herald.liveService();
    key = herald.key(service, "normal");
  }

  private Http.Response post(String path, String authorization, String body) {
    return http.send("POST", "/providers/http-sms/" + path, authorization, body);
  }

  @Test
  void aReceivedTextGoesAllTheWayToTheServicesCallback() throws Exception {
    try (ReceivedTextJourney journey = new ReceivedTextJourney(herald, jdbc, service)) {

      Http.Response r =
          post(
              "inbound",
              CALLBACK,
              Http.json(
                  Map.of(
                      "id", "agg-in-1",
                      "from", "447700900123",
                      "to", journey.number(),
                      "text", "STOP",
                      "timestamp", "2026-11-03T09:15:00Z")));

      assertThat(r.status()).as(r.body()).isEqualTo(204);
      journey.assertArrived(
          "http-sms", "447700900123", "STOP", Instant.parse("2026-11-03T09:15:00Z"));
    }
  }

  @Test
  void aReceiptMovesTheNotificationAndALateOrUnknownOneChangesNothing() {
    UUID notification = sentSms("agg-" + UUID.randomUUID());
    String reference =
        jdbc.sql("SELECT reference FROM notifications WHERE id = :id")
            .param("id", notification)
            .query(String.class)
            .single();

    assertThat(receipt(reference, "delivered").status()).isEqualTo(204);
    assertThat(statusOf(notification)).isEqualTo("delivered");

    assertThat(receipt(reference, "failed").status()).isEqualTo(204);
    assertThat(receipt("agg-unknown-" + UUID.randomUUID(), "failed").status()).isEqualTo(204);
    assertThat(statusOf(notification)).isEqualTo("delivered");
  }

  @Test
  void aWrongOrMissingTokenIsRefusedInTheEnvelope() {
    String body = Http.json(Map.of("id", "x", "status", "delivered", "timestamp", "2026-11-03"));

    Http.Response wrong = post("receipts", "Bearer not-the-secret", body);
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(wrong.json().get("status_code").asInt()).isEqualTo(403);
    assertThat(wrong.json().get("errors").get(0).get("error").asString()).isEqualTo("AuthError");

    Http.Response missing = post("inbound", null, body);
    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.json().get("errors").get(0).get("error").asString()).isEqualTo("AuthError");
  }

  @Test
  void malformedOrIncompleteBodiesAreBadRequests() {
    Http.Response malformed = post("receipts", CALLBACK, "{not json");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("errors").get(0).get("message").asString())
        .isEqualTo("Invalid JSON supplied in POST data");

    Http.Response missing = post("inbound", CALLBACK, Http.json(Map.of("id", "agg-in-2")));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("errors").get(0).get("error").asString())
        .isEqualTo("ValidationError");

    Http.Response badStatus =
        post(
            "receipts",
            CALLBACK,
            Http.json(Map.of("id", "x", "status", "lost", "timestamp", "2026-11-03T09:15:00Z")));
    assertThat(badStatus.status()).isEqualTo(400);

    Http.Response badTime =
        post(
            "receipts",
            CALLBACK,
            Http.json(Map.of("id", "x", "status", "delivered", "timestamp", "yesterday")));
    assertThat(badTime.status()).isEqualTo(400);

    assertThat(post("receipts", CALLBACK, "[]").status()).isEqualTo(400);
    assertThat(post("receipts", CALLBACK, "").status()).isEqualTo(400);
  }

  @Test
  void aTimestampBeyondADayAheadIsRefusedAndOneWithinIsTaken() {
    clock.set(Instant.parse("2026-11-03T09:15:00Z"));
    for (String far :
        new String[] {
          "+999999999-12-31T23:59:59Z", "+294277-01-01T00:00:00Z", "2026-11-04T09:15:01Z"
        }) {
      for (String path : new String[] {"receipts", "inbound"}) {
        Http.Response r =
            post(
                path,
                CALLBACK,
                Http.json(
                    Map.of(
                        "id", "agg-" + UUID.randomUUID(),
                        "status", "delivered",
                        "from", "447700900123",
                        "to", "447700900999",
                        "text", "hi",
                        "timestamp", far)));
        assertThat(r.status()).as(path + " " + far + ": " + r.body()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("message").asString())
            .endsWith(
                "is not between 1970-01-01T00:00:00Z and 1 day after the time it was received");
      }
    }
    assertThat(
            post(
                    "receipts",
                    CALLBACK,
                    Http.json(
                        Map.of(
                            "id",
                            "agg-" + UUID.randomUUID(),
                            "status",
                            "delivered",
                            "timestamp",
                            "-999999999-01-01T00:00:00Z")))
                .status())
        .isEqualTo(400);
    assertThat(
            post(
                    "receipts",
                    CALLBACK,
                    Http.json(
                        Map.of(
                            "id",
                            "agg-" + UUID.randomUUID(),
                            "status",
                            "delivered",
                            "timestamp",
                            "2026-11-04T09:15:00Z")))
                .status())
        .isEqualTo(204);
  }

  @Test
  void aReferenceLongerThanTheMaximumIsRefused() {
    // Random, so that PostgreSQL cannot compress it under its index entry limit (~2,700 bytes).
    String huge = Herald.randomText(100_000);
    Http.Response receipt =
        post(
            "receipts",
            CALLBACK,
            Http.json(
                Map.of("id", huge, "status", "delivered", "timestamp", "2026-11-03T09:15:00Z")));
    assertThat(receipt.status()).as(receipt.body()).isEqualTo(400);
    assertThat(receipt.json().get("errors").get(0).get("message").asString())
        .isEqualTo("id is longer than the maximum of 255 characters");
    Http.Response inbound =
        post(
            "inbound",
            CALLBACK,
            Http.json(
                Map.of(
                    "id", huge,
                    "from", "447700900123",
                    "to", "447700900999",
                    "text", "hi",
                    "timestamp", "2026-11-03T09:15:00Z")));
    assertThat(inbound.status()).as(inbound.body()).isEqualTo(400);
    assertThat(
            post(
                    "receipts",
                    CALLBACK,
                    Http.json(
                        Map.of(
                            "id",
                            "r".repeat(255),
                            "status",
                            "delivered",
                            "timestamp",
                            "2026-11-03T09:15:00Z")))
                .status())
        .isEqualTo(204);
  }

  @Test
  void nulAndLoneSurrogatesAreRefusedBeforeAnythingIsStored() {
    String number = herald.inboundNumber(service);
    for (String bad : new String[] {"\\u0000", "\\ud800"}) {
      Http.Response inbound =
          post(
              "inbound",
              CALLBACK,
              "{\"id\":\"agg-in-nul\",\"from\":\"447700900123\",\"to\":\""
                  + number
                  + "\",\"text\":\"STOP"
                  + bad
                  + "\",\"timestamp\":\"2026-11-03T09:15:00Z\"}");
      assertThat(inbound.status()).as(inbound.body()).isEqualTo(400);
      assertThat(inbound.json().get("errors").get(0).get("error").asString())
          .isEqualTo("BadRequestError");

      Http.Response receipt =
          post(
              "receipts",
              CALLBACK,
              "{\"id\":\"agg"
                  + bad
                  + "\",\"status\":\"delivered\",\"timestamp\":\"2026-11-03T09:15:00Z\"}");
      assertThat(receipt.status()).as(receipt.body()).isEqualTo(400);
    }
  }

  private Http.Response receipt(String reference, String status) {
    return post(
        "receipts",
        CALLBACK,
        Http.json(Map.of("id", reference, "status", status, "timestamp", "2026-11-03T09:15:00Z")));
  }

  /**
   * A text sent through the API and handed to the aggregator, which called it {@code reference}.
   */
  private UUID sentSms(String reference) {
    UUID template = herald.template(service, "sms", null, "Hello");
    UUID id =
        UUID.fromString(
            http.send(
                    "POST",
                    "/v2/notifications/sms",
                    Tokens.bearer(key),
                    Http.json(Map.of("phone_number", "07700900123", "template_id", template)))
                .json()
                .get("id")
                .asString());
    int updated =
        jdbc.sql(
                """
                UPDATE notifications SET status = 'sending', sent_by = 'http-sms', reference = :ref
                 WHERE id = :id
                """)
            .param("ref", reference)
            .param("id", id)
            .update();
    assertThat(updated).isEqualTo(1);
    return id;
  }

  private String statusOf(UUID notification) {
    return http.send("GET", "/v2/notifications/" + notification, Tokens.bearer(key), null)
        .json()
        .get("status")
        .asString();
  }
}

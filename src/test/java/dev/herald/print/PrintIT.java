package dev.herald.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.notification.PartitionMaintainer;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Base of the print tests: a live service with a letter template, letters sent at a set time. */
public abstract class PrintIT extends ApiIT {

  protected static final Duration MADE = Duration.ofSeconds(60);

  @Autowired protected JdbcClient jdbc;
  @Autowired protected PrintRuns runs;
  @Autowired protected PartitionMaintainer partitions;

  protected UUID service;
  protected String liveKey;
  protected UUID template;

  @BeforeEach
  void letterFixture() {
    service = herald.liveService();
    liveKey = herald.key(service, "normal");
    template = herald.letterTemplate(service, "second", "Dear ((address_line_1))", null);
  }

  /** Sets the clock to this London wall-clock time. */
  protected void at(String londonWallClock) {
    clock.set(LocalDateTime.parse(londonWallClock).atZone(ZoneId.of("Europe/London")).toInstant());
    partitions.createAhead();
  }

  /** Sends a letter at this London time with this key, and waits for its PDF. */
  protected String sendAt(String londonWallClock, String key) {
    at(londonWallClock);
    Http.Response r =
        http.send(
            "POST",
            "/v2/notifications/letter",
            "Bearer " + Tokens.token(key, clock.instant()),
            Http.json(
                Map.of(
                    "template_id",
                    template.toString(),
                    "personalisation",
                    Map.of(
                        "address_line_1", "A Person",
                        "address_line_2", "1 High Street",
                        "postcode", "SW1A 2AA",
                        "thing", "claim"))));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String id = r.json().get("id").asString();
    await().atMost(MADE).until(() -> row(id).get("page_count") != null);
    return id;
  }

  protected Map<String, Object> row(String id) {
    return jdbc.sql(
            """
            SELECT status, page_count, print_batch_id, sent_by, reference, expires_on FROM notifications
             WHERE id = CAST(:id AS uuid)
            """)
        .param("id", id)
        .query()
        .singleRow();
  }

  /** GET /v2/notifications/{id} with the live key, on the set clock. */
  protected tools.jackson.databind.JsonNode readV2(String id) {
    return http.send(
            "GET",
            "/v2/notifications/" + id,
            "Bearer " + Tokens.token(liveKey, clock.instant()),
            null)
        .json();
  }

  protected void awaitStatus(String id, String status) {
    await().atMost(MADE).until(() -> status.equals(row(id).get("status")));
  }
}

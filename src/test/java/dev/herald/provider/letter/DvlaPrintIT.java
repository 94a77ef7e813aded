package dev.herald.provider.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.notification.PartitionMaintainer;
import dev.herald.print.PrintRuns;
import dev.herald.testdata.Http;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A letter all the way through DVLA's print API: the print run hands it to the print API in the
 * test JVM (it becomes {@code sending}), and DVLA's callback to the target it was given makes it
 * {@code delivered} or {@code technical-failure}.
 */
@ExtendWith(OutputCaptureExtension.class)
class DvlaPrintIT extends WithFakeDvla {

  private static final Duration MADE = Duration.ofSeconds(60);

  @Autowired JdbcClient jdbc;
  @Autowired PrintRuns runs;
  @Autowired PartitionMaintainer partitions;

  private UUID service;
  private String key;
  private UUID template;

  @BeforeEach
  void fixture() {
    service = herald.liveService();
    key = herald.key(service, "normal");
    template = herald.letterTemplate(service, "first", "Dear ((address_line_1))", null);
  }

  @Test
  void aLetterDvlaDespatchesIsDeliveredAndADifferentSheetCountIsLogged(CapturedOutput log) {
    UUID letter = printedOn("2025-11-12");
    ObjectNode despatched = DvlaCallbacks.payload(letter, "DESPATCHED", "2025-11-13T09:15:00Z");
    ((ObjectNode) despatched.get("data").get("despatchProperties").get(0)).put("value", "2");

    Http.Response r = callback(letter, despatched);

    assertThat(r.status()).as(r.body()).isEqualTo(204);
    assertThat(r.body()).isEmpty();
    await().atMost(MADE).until(() -> "delivered".equals(row(letter).get("status")));
    assertThat(log.getOut())
        .contains("DVLA despatched letter " + letter + " on 2 sheets; Herald counted 1");
  }

  @Test
  void aLetterDvlaRejectsIsATechnicalFailure() {
    UUID letter = printedOn("2025-11-13");

    Http.Response r =
        callback(letter, DvlaCallbacks.payload(letter, "REJECTED", "2025-11-14T09:15:00Z"));

    assertThat(r.status()).as(r.body()).isEqualTo(204);
    await().atMost(MADE).until(() -> "technical-failure".equals(row(letter).get("status")));
  }

  /**
   * A letter made on {@code day} at 10:00 London, in that day's print run and sent to DVLA. The day
   * is in the past: the letter's own work is due by Herald's clock, and db-scheduler runs what is
   * due by the system's.
   */
  private UUID printedOn(String day) {
    clock.set(
        LocalDateTime.parse(day + "T10:00:00").atZone(ZoneId.of("Europe/London")).toInstant());
    partitions.createAhead();
    UUID letter =
        UUID.fromString(
            herald.sendLetter(
                key,
                clock.instant(),
                template,
                Map.of(
                    "address_line_1", "A Person",
                    "address_line_2", "1 High Street",
                    "postcode", "SW1A 2AA",
                    "thing", "claim")));
    await().atMost(MADE).until(() -> row(letter).get("page_count") != null);

    runs.run(LocalDate.parse(day)).orElseThrow();

    await().atMost(MADE).until(() -> "sending".equals(row(letter).get("status")));
    assertThat(row(letter)).containsEntry("sent_by", "dvla");
    JsonNode standard = printRequest(letter).body().get("standardParams");
    assertThat(standard.get("businessIdentifier").asString())
        .isEqualTo(row(letter).get("reference"));
    assertThat(standard.get("despatchMethod").asString()).isEqualTo("FIRST");
    assertThat(standard.get("recipientName").asString()).isEqualTo("A Person");
    return letter;
  }

  /** DVLA's callback to the target the letter's print request gave it. */
  private Http.Response callback(UUID letter, ObjectNode payload) {
    URI target =
        URI.create(printRequest(letter).body().get("callbackParams").get("target").asString());
    assertThat(target.getHost()).isEqualTo("herald.example");
    return http.send(
        "POST", target.getRawPath() + "?" + target.getRawQuery(), null, payload.toString());
  }

  private FakeDvla.Received printRequest(UUID letter) {
    return DVLA.printRequests().stream()
        .filter(request -> request.id().equals(letter))
        .reduce((first, second) -> second)
        .orElseThrow();
  }

  private Map<String, Object> row(UUID id) {
    return jdbc.sql(
            """
            SELECT status, page_count, sent_by, reference FROM notifications WHERE id = :id
            """)
        .param("id", id)
        .query()
        .singleRow();
  }
}

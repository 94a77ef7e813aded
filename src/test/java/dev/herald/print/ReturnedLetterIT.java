package dev.herald.print;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testdata.Http;
import dev.herald.testdata.RecordingEndpoint;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Returned letters on the admin API: a printed letter reported by its reference or its id becomes
 * {@code returned-letter} once, with one row and one callback however often it is reported; a
 * letter never printed is not returned; bad references are refused.
 */
class ReturnedLetterIT extends PrintIT {

  private final RecordingEndpoint endpoint = new RecordingEndpoint();

  @AfterEach
  void stop() {
    endpoint.close();
  }

  private String printedLetter(String day) {
    String letter = sendAt(day + "T09:00:00", liveKey);
    runs.run(LocalDate.parse(day)).orElseThrow();
    awaitStatus(letter, "delivered");
    return letter;
  }

  private Http.Response report(Map<String, Object> body) {
    return herald.admin("POST", "/admin/returned-letters", body);
  }

  @Test
  void aPrintedLetterReportedByItsReferenceIsReturnedOnceWithItsCallback() {
    herald.callback(service, "returned_letter", endpoint.url(), "a-callback-token-of-some-length");
    String letter = printedLetter("2026-02-17");
    String reference = (String) row(letter).get("reference");

    Http.Response r = report(Map.of("references", List.of(reference)));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("returned").asInt()).isEqualTo(1);
    assertThat(row(letter)).containsEntry("status", "returned-letter");
    JsonNode read = readV2(letter);
    assertThat(read.get("status").asString()).isEqualTo("received");

    JsonNode callback = endpoint.awaitReceived(1, Duration.ofSeconds(30)).getFirst().json();
    assertThat(callback.get("notification_id").asString()).isEqualTo(letter);
    assertThat(callback.get("sent_by").asString()).isEqualTo("API");
    assertThat(callback.get("template_id").asString()).isEqualTo(template.toString());
    assertThat(callback.get("template_version").asInt()).isEqualTo(1);
    assertThat(callback.get("date_sent").asString()).isEqualTo("2026-02-17T09:00:00.000000Z");

    // Reported again, by its id: nothing new.
    Http.Response again = report(Map.of("notification_ids", List.of(letter)));
    assertThat(again.json().get("already_returned").asInt()).isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM returned_letters WHERE notification_id = CAST(:id AS uuid)")
                .param("id", letter)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    JsonNode day =
        herald.adminOk(
            "GET",
            "/admin/services/"
                + service
                + "/returned-letters?reported_at="
                + LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC),
            null);
    assertThat(day.get("returned_letters").get(0).get("notification_id").asString())
        .isEqualTo(letter);
    JsonNode summary =
        herald.adminOk("GET", "/admin/services/" + service + "/returned-letters", null);
    assertThat(summary.get("returned_letter_summary").get(0).get("returned_letter_count").asInt())
        .isEqualTo(1);
    assertThat(endpoint.received()).hasSize(1);
  }

  @Test
  void aLetterNeverPrintedIsNotReturned() {
    String letter = sendAt("2026-02-24T09:00:00", liveKey);
    Http.Response r = report(Map.of("notification_ids", List.of(letter)));
    assertThat(r.json().get("not_printed").asInt()).isEqualTo(1);
    assertThat(row(letter)).containsEntry("status", "created");
  }

  @Test
  void badReferencesAreRefused() {
    Http.Response r = report(Map.of("references", List.of("abc")));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("errors").get(0).get("message").asString())
        .isEqualTo("references abc does not match ^[0-9A-Z]{16}$");
    assertThat(report(Map.of()).status()).isEqualTo(400);
  }
}

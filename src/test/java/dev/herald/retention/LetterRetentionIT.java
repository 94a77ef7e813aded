package dev.herald.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.files.ObjectStore;
import dev.herald.print.PrintIT;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Nightly retention of letters: a printed letter's personal data and files go together and its
 * {@code /pdf} answers 404 after; a letter not final yet keeps both, carried over to a later day
 * (notify-letters.md §7.2).
 */
class LetterRetentionIT extends PrintIT {

  @Autowired PersonalDataRetention retention;
  @Autowired ObjectStore store;
  @Autowired RetentionRedating redating;

  private Http.Response pdf(String id) {
    return http.send(
        "GET",
        "/v2/notifications/" + id + "/pdf",
        "Bearer " + Tokens.token(liveKey, clock.instant()),
        null);
  }

  private boolean hasFile(String id, LocalDate day) {
    return store.get("letters/" + day + "/" + id + "/rendered.pdf").isPresent();
  }

  private LocalDate expiresOn(String id) {
    return ((java.sql.Date) row(id).get("expires_on")).toLocalDate();
  }

  private long personalRows(String id) {
    return jdbc.sql(
            "SELECT count(*) FROM notification_personal_data WHERE notification_id = CAST(:id AS uuid)")
        .param("id", id)
        .query(Long.class)
        .single();
  }

  @Test
  void aPrintedLettersDataAndFileGoTogetherAndOneNotPrintedStays() {
    // Tuesday 10 November 2026: one letter printed that day, one made after the deadline and
    // never printed (its run did not happen).
    String printed = sendAt("2026-11-10T09:00:00", liveKey);
    String waiting = sendAt("2026-11-10T18:00:00", liveKey);
    runs.run(LocalDate.parse("2026-11-10")).orElseThrow();
    awaitStatus(printed, "delivered");
    LocalDate expiry = expiresOn(printed);
    assertThat(expiresOn(waiting)).isEqualTo(expiry);
    assertThat(pdf(printed).status()).isEqualTo(200);

    // The night after their expiry day.
    at(expiry.plusDays(1) + "T03:00:00");
    retention.run();

    assertThat(personalRows(printed)).isZero();
    assertThat(hasFile(printed, expiry)).isFalse();
    assertThat(pdf(printed).status()).isEqualTo(404);
    assertThat(pdf(printed).json().get("errors").get(0).get("message").asString())
        .isEqualTo("No result found");

    LocalDate carried = expiry.plusDays(1);
    assertThat(row(waiting)).containsEntry("status", "created");
    assertThat(expiresOn(waiting)).isEqualTo(carried);
    assertThat(personalRows(waiting)).isEqualTo(1);
    assertThat(hasFile(waiting, carried)).isTrue();
    assertThat(pdf(waiting).status()).isEqualTo(200);
  }

  @Test
  void aRetentionChangeMovesALettersFileWithItsDataAndKeepsALetterNotPrinted() {
    String printed = sendAt("2026-10-06T09:00:00", liveKey);
    String waiting = sendAt("2026-10-06T18:00:00", liveKey);
    runs.run(LocalDate.parse("2026-10-06")).orElseThrow();
    awaitStatus(printed, "delivered");
    LocalDate before = expiresOn(printed);

    // Longer: the files move to the new day, with the data.
    herald.adminOk(
        "PUT",
        "/admin/services/" + service + "/data-retention",
        java.util.Map.of("notification_type", "letter", "days_of_retention", 30));
    redating.batch(service, "letter");
    LocalDate longer = expiresOn(printed);
    assertThat(longer).isEqualTo(LocalDate.parse("2026-11-05"));
    assertThat(hasFile(printed, longer)).isTrue();
    assertThat(pdf(printed).status()).isEqualTo(200);
    assertThat(hasFile(printed, before)).as("the old day's copy goes with its day").isTrue();

    // Shorter, to a day already past: the printed letter's data and files go at once; the one not
    // printed keeps both, moved to today.
    at("2026-10-20T12:00:00");
    herald.adminOk(
        "PUT",
        "/admin/services/" + service + "/data-retention",
        java.util.Map.of("notification_type", "letter", "days_of_retention", 3));
    redating.batch(service, "letter");
    assertThat(personalRows(printed)).isZero();
    assertThat(hasFile(printed, longer)).isFalse();
    assertThat(expiresOn(waiting)).isEqualTo(LocalDate.parse("2026-10-20"));
    assertThat(personalRows(waiting)).isEqualTo(1);
    assertThat(hasFile(waiting, LocalDate.parse("2026-10-20"))).isTrue();
  }

  @Test
  void retentionRunTwiceAtOnceEndsInTheSameState() {
    String printed = sendAt("2026-11-24T09:00:00", liveKey);
    String waiting = sendAt("2026-11-24T18:00:00", liveKey);
    runs.run(LocalDate.parse("2026-11-24")).orElseThrow();
    awaitStatus(printed, "delivered");
    LocalDate expiry = expiresOn(printed);

    at(expiry.plusDays(1) + "T03:00:00");
    java.util.concurrent.CompletableFuture<?> one =
        java.util.concurrent.CompletableFuture.runAsync(retention::run);
    java.util.concurrent.CompletableFuture<?> two =
        java.util.concurrent.CompletableFuture.runAsync(retention::run);
    one.join();
    two.join();

    assertThat(personalRows(printed)).isZero();
    assertThat(hasFile(printed, expiry)).isFalse();
    assertThat(expiresOn(waiting)).isEqualTo(expiry.plusDays(1));
    assertThat(personalRows(waiting)).isEqualTo(1);
    assertThat(hasFile(waiting, expiry.plusDays(1))).isTrue();
  }
}

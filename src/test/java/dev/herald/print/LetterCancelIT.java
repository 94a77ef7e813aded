package dev.herald.print;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Cancelling a letter on the admin API: until 17:30 on the day it was made (or the next day's, if
 * made after 17:30), with Notify's message for each refusal (notify-letters.md §3.4).
 */
class LetterCancelIT extends PrintIT {

  private Http.Response cancel(String id) {
    return herald.admin(
        "POST", "/admin/services/" + service + "/notifications/" + id + "/cancel", null);
  }

  private long lettersCounted(String day) {
    return jdbc.sql(
            """
            SELECT count FROM daily_send_counts
             WHERE service_id = :service AND count_type = 'letter' AND day = CAST(:day AS date)
            """)
        .param("service", service)
        .param("day", day)
        .query(Long.class)
        .single();
  }

  private static String message(Http.Response r) {
    return r.json().get("errors").get(0).get("message").asString();
  }

  @Test
  void aLetterIsCancelledBeforeItsDeadlineAndOnlyOnce() {
    String letter = sendAt("2026-02-03T10:00:00", liveKey);
    at("2026-02-03T17:29:59");
    long counted = lettersCounted("2026-02-03");
    Http.Response r = cancel(letter);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(lettersCounted("2026-02-03")).as("off the daily limit").isEqualTo(counted - 1);
    assertThat(r.json().get("status").asString()).isEqualTo("cancelled");
    assertThat(row(letter)).containsEntry("status", "cancelled");
    JsonNode read = readV2(letter);
    assertThat(read.get("status").asString()).isEqualTo("cancelled");
    assertThat(read.get("cost_in_pounds").asDouble()).isZero();

    Http.Response again = cancel(letter);
    assertThat(again.status()).isEqualTo(400);
    assertThat(message(again)).isEqualTo("This letter has already been cancelled.");

    // The day's run does not take it.
    runs.run(java.time.LocalDate.parse("2026-02-03"));
    assertThat(row(letter))
        .containsEntry("status", "cancelled")
        .containsEntry("print_batch_id", null);
  }

  @Test
  void atTheDeadlinePrintingHasStartedTodayAndLaterOnItsDay() {
    String letter = sendAt("2026-06-05T10:00:00", liveKey);
    at("2026-06-05T17:30:00");
    Http.Response today = cancel(letter);
    assertThat(today.status()).isEqualTo(400);
    assertThat(message(today))
        .isEqualTo("It’s too late to cancel this letter. Printing started today at 5.30pm");
    at("2026-06-08T09:00:00");
    assertThat(message(cancel(letter)))
        .isEqualTo("It’s too late to cancel this letter. Printing started on 5 June at 5.30pm");
    assertThat(row(letter)).containsEntry("status", "created");
  }

  @Test
  void aLetterMadeAfter1730CanBeCancelledUntil1730TheNextDay() {
    String letter = sendAt("2026-06-17T18:00:00", liveKey);
    at("2026-06-18T17:29:00");
    assertThat(cancel(letter).status()).isEqualTo(200);
  }

  @Test
  void aDeliveredLetterIsNotCancelledAndSaysWhy() {
    String letter = sendAt("2026-06-23T10:00:00", herald.key(service, "test"));
    awaitStatus(letter, "delivered");
    Http.Response r = cancel(letter);
    assertThat(r.status()).isEqualTo(400);
    assertThat(message(r))
        .isEqualTo(
            "We could not cancel this letter. Letter status: delivered, created_at: 2026-06-23 09:00:00");
  }

  @Test
  void onlyLettersAndKnownNotificationsAreCancelled() {
    UUID email = herald.template(service, "email", "Subject", "Hello");
    Http.Response sent =
        http.send(
            "POST",
            "/v2/notifications/email",
            Tokens.bearer(liveKey),
            Http.json(
                java.util.Map.of(
                    "template_id", email.toString(), "email_address", "someone@example.com")));
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    Http.Response r = cancel(sent.json().get("id").asString());
    assertThat(r.status()).isEqualTo(400);
    assertThat(message(r))
        .isEqualTo("Notification cannot be cancelled - only letters can be cancelled");

    Http.Response unknown = cancel(UUID.randomUUID().toString());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(message(unknown)).isEqualTo("Notification not found");
  }
}

package dev.herald.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The print run at 17:30 London with the outbox as the printer, on a settable clock: a letter made
 * at 17:29:59 is in the day's run and one at 17:30:00 in the next, in winter and in summer time; a
 * letter that missed a run goes in the next; a run started twice at once takes each letter once;
 * test keys' letters are never printed; the run's record is what its batches held.
 */
class PrintRunIT extends PrintIT {

  @Test
  void inWinterALetterAt172959IsInTheDaysRunAndOneAt1730InTheNext() {
    // Thursday 15 January 2026: London is on GMT.
    deadlineSplits("2026-01-15", "2026-01-16");
  }

  @Test
  void inSummerTheDeadlineIs1730LondonNot1730Utc() {
    // Wednesday 15 July 2026: London is on BST, the deadline 16:30 UTC.
    deadlineSplits("2026-07-15", "2026-07-16");
  }

  private void deadlineSplits(String day, String nextDay) {
    String before = sendAt(day + "T17:29:59", liveKey);
    String at = sendAt(day + "T17:30:00", liveKey);

    runs.run(LocalDate.parse(day)).orElseThrow();
    awaitStatus(before, "delivered");
    assertThat(row(before)).containsEntry("sent_by", "outbox");
    assertThat(row(at)).containsEntry("status", "created").containsEntry("print_batch_id", null);

    runs.run(LocalDate.parse(nextDay)).orElseThrow();
    awaitStatus(at, "delivered");
  }

  @Test
  void aLetterThatMissedARunGoesInTheNextAndNoRunIsMadeAtTheWeekend() {
    // Friday 6 March 2026, no run that day (Herald was down); Saturday is no print day.
    String missed = sendAt("2026-03-06T10:00:00", liveKey);
    assertThat(runs.run(LocalDate.parse("2026-03-07"))).isEmpty();
    assertThat(row(missed)).containsEntry("status", "created");

    runs.run(LocalDate.parse("2026-03-09")).orElseThrow();
    awaitStatus(missed, "delivered");
  }

  @Test
  void aRunStartedTwiceAtOnceTakesEachLetterOnce() throws Exception {
    String letter = sendAt("2026-04-14T09:00:00", liveKey);
    CyclicBarrier together = new CyclicBarrier(2);
    List<CompletableFuture<Optional<PrintRuns.Summary>>> starts =
        List.of(start(together, "2026-04-14"), start(together, "2026-04-14"));
    long made = starts.stream().map(CompletableFuture::join).filter(Optional::isPresent).count();
    assertThat(made).isEqualTo(1);
    awaitStatus(letter, "delivered");
    assertThat(
            jdbc.sql(
                    """
                    SELECT count(*) FROM print_batches b JOIN print_runs r ON r.id = b.run_id
                     WHERE r.run_day = '2026-04-14' AND b.service_id = :service
                    """)
                .param("service", service)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    // Started again later: nothing more.
    assertThat(runs.run(LocalDate.parse("2026-04-14"))).isEmpty();
  }

  private CompletableFuture<Optional<PrintRuns.Summary>> start(CyclicBarrier together, String day) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            together.await();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return runs.run(LocalDate.parse(day));
        });
  }

  @Test
  void aTestKeysLetterIsNeverPrinted() {
    String testKey = herald.key(service, "test");
    String letter = sendAt("2026-05-12T09:00:00", testKey);
    runs.run(LocalDate.parse("2026-05-12")).orElseThrow();
    assertThat(row(letter)).containsEntry("print_batch_id", null).containsEntry("sent_by", null);
  }

  @Test
  void theRunsRecordIsWhatItsBatchesHeldAndTheAdminApiListsIt() {
    sendAt("2026-06-09T09:00:00", liveKey);
    sendAt("2026-06-09T09:01:00", liveKey);
    PrintRuns.Summary summary = runs.run(LocalDate.parse("2026-06-09")).orElseThrow();
    Map<String, Object> batches =
        jdbc.sql(
                """
                SELECT sum(letters) AS letters, sum(sheets) AS sheets FROM print_batches
                 WHERE run_id = :run
                """)
            .param("run", summary.runId())
            .query()
            .singleRow();
    assertThat(((Number) batches.get("letters")).intValue()).isEqualTo(summary.letters());
    assertThat(((Number) batches.get("sheets")).intValue()).isEqualTo(summary.sheets());
    await()
        .atMost(MADE)
        .until(
            () ->
                jdbc.sql(
                            "SELECT count(*) FROM print_batches WHERE run_id = :run AND status <> 'sent'")
                        .param("run", summary.runId())
                        .query(Long.class)
                        .single()
                    == 0);

    JsonNode listed = herald.adminOk("GET", "/admin/print-runs", null).get("print_runs");
    JsonNode run = null;
    for (JsonNode r : listed) {
      if (r.get("run_day").asString().equals("2026-06-09")) {
        run = r;
      }
    }
    assertThat(run).isNotNull();
    assertThat(run.get("provider").asString()).isEqualTo("outbox");
    assertThat(run.get("deadline").asString()).isEqualTo("2026-06-09T16:30:00.000000Z");
    assertThat(run.get("letters").asInt()).isEqualTo(summary.letters());
    assertThat(run.get("handed_over").asInt() + run.get("rejected").asInt())
        .isEqualTo(summary.letters());
    assertThat(run.get("batches_waiting").asInt()).isZero();
    assertThat(run.get("by_postage").get("second").get("letters").asInt())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void everyLetterHasA16CharacterReference() {
    String letter = sendAt("2026-06-10T09:00:00", liveKey);
    assertThat((String) row(letter).get("reference")).matches("[0-9A-Z]{16}");
  }
}

package dev.herald.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.letter.LetterFiles;
import dev.herald.notification.NotificationStatus;
import dev.herald.notification.StatusListener;
import dev.herald.receipt.Receipts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handing a run's batches to a printer that fails: tried again, the same batch is sent whole and
 * recorded once; a letter it rejects is a technical failure; a batch it refuses for good frees its
 * letters for the next run; its receipts, early or late, deliver the letters. The batches are
 * handed over here, to a printer of the test's: the run queues its tasks at the set clock, a year
 * ahead, where db-scheduler (on real time) leaves them.
 */
class PrintHandOverIT extends PrintIT {

  private static final Instant AHEAD = Instant.parse("2027-12-01T12:00:00Z");

  @Autowired PrintRunRepository repository;
  @Autowired LetterFiles files;
  @Autowired Receipts receipts;
  @Autowired List<StatusListener> listeners;
  @Autowired TransactionTemplate tx;
  @Autowired PrintReceipts printReceipts;

  /** A printer that fails as told, and remembers what it was given. */
  static final class Printer implements PrintProvider {
    final List<PrintBatch> given = new ArrayList<>();
    PrintException failNext;
    final Map<UUID, String> reject = new HashMap<>();

    @Override
    public String name() {
      return "test-printer";
    }

    @Override
    public int maxBatchLetters() {
      return 2;
    }

    @Override
    public PrintOutcome send(PrintBatch batch) throws PrintException {
      given.add(batch);
      batch.letters().forEach(l -> assertThat(l.pdf().get()).isPresent());
      if (failNext != null) {
        PrintException failure = failNext;
        failNext = null;
        throw failure;
      }
      return new PrintOutcome(reject);
    }
  }

  private final Printer printer = new Printer();

  private PrintBatches batches() {
    return new PrintBatches(
        repository, new PrintProviders(List.of(printer)), files, receipts, listeners, tx, clock);
  }

  private List<UUID> runAhead(String day) {
    clock.set(AHEAD);
    PrintRuns.Summary run = runs.run(LocalDate.parse(day)).orElseThrow();
    return jdbc.sql(
            "SELECT id FROM print_batches WHERE run_id = :run AND service_id = :service ORDER BY sequence")
        .param("run", run.runId())
        .param("service", service)
        .query(UUID.class)
        .list();
  }

  @AfterEach
  void forgetTheTasksAhead() {
    jdbc.sql(
            "DELETE FROM scheduled_tasks WHERE task_name = 'print-batch' AND execution_time > now() + interval '30 days'")
        .update();
  }

  @Test
  void aBatchTriedAgainIsSentWholeAndRecordedOnceWithItsRejectedLetterFailed() throws Exception {
    String first = sendAt("2026-01-20T09:00:00", liveKey);
    String second = sendAt("2026-01-20T09:01:00", liveKey);
    List<UUID> batchIds = runAhead("2026-01-20");
    assertThat(batchIds).hasSize(1);
    UUID batch = batchIds.getFirst();

    printer.failNext = new PrintException("printer down", true);
    assertThatThrownBy(() -> batches().handOver(batch)).isInstanceOf(PrintException.class);
    assertThat(row(first)).containsEntry("status", "created");

    printer.reject.put(UUID.fromString(second), "refused: 400");
    batches().handOver(batch);
    assertThat(printer.given).hasSize(2);
    assertThat(printer.given.get(1).id()).isEqualTo(printer.given.get(0).id());
    assertThat(printer.given.get(1).letters()).hasSameSizeAs(printer.given.get(0).letters());
    assertThat(row(first))
        .containsEntry("status", "sending")
        .containsEntry("sent_by", "test-printer");
    assertThat(row(second)).containsEntry("status", "technical-failure");

    // Once recorded, the batch is not sent again.
    batches().handOver(batch);
    assertThat(printer.given).hasSize(2);

    // The printer's receipt delivers the letter.
    String reference = (String) row(first).get("reference");
    assertThat(
            printReceipts.apply(
                new PrintReceipt("test-printer", reference, NotificationStatus.DELIVERED, AHEAD)))
        .contains(UUID.fromString(first));
    assertThat(row(first)).containsEntry("status", "delivered");
    // A late rejection, or the same despatch again, changes nothing once it is delivered.
    assertThat(
            printReceipts.apply(
                new PrintReceipt(
                    "test-printer", reference, NotificationStatus.TECHNICAL_FAILURE, AHEAD)))
        .isEmpty();
    assertThat(
            printReceipts.apply(
                new PrintReceipt("test-printer", reference, NotificationStatus.DELIVERED, AHEAD)))
        .isEmpty();
    assertThat(row(first)).containsEntry("status", "delivered");
    // Another provider's word on it changes nothing.
    assertThat(
            printReceipts.applyById(
                UUID.fromString(first),
                new PrintReceipt("another", null, NotificationStatus.TECHNICAL_FAILURE, AHEAD)))
        .isEmpty();
  }

  @Test
  void aBatchRefusedForGoodFreesItsLettersForTheNextRun() throws Exception {
    String letter = sendAt("2026-01-27T09:00:00", liveKey);
    UUID batch = runAhead("2026-01-27").getFirst();
    printer.failNext = new PrintException("bad credentials", false);
    assertThatThrownBy(() -> batches().handOver(batch)).isInstanceOf(PrintException.class);
    batches().refused(batch);
    assertThat(row(letter))
        .containsEntry("status", "created")
        .containsEntry("print_batch_id", null);

    UUID next = runAhead("2026-01-28").getFirst();
    assertThat(next).isNotEqualTo(batch);
    batches().handOver(next);
    assertThat(row(letter)).containsEntry("status", "sending");
  }

  @Test
  void aReceiptThatComesBeforeItsHandOverIsRecordedIsKeptAndApplied() throws Exception {
    String letter = sendAt("2026-02-10T09:00:00", liveKey);
    UUID batch = runAhead("2026-02-10").getFirst();
    String reference = (String) row(letter).get("reference");
    assertThat(
            printReceipts.applyById(
                UUID.fromString(letter),
                new PrintReceipt("test-printer", null, NotificationStatus.DELIVERED, AHEAD)))
        .isEmpty();
    batches().handOver(batch);
    assertThat(row(letter)).containsEntry("status", "delivered");
    assertThat(reference).matches("[0-9A-Z]{16}");
  }
}

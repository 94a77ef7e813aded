package dev.herald.print;

import dev.herald.letter.LetterFiles;
import dev.herald.notification.StatusListener;
import dev.herald.print.PrintRunRepository.Letter;
import dev.herald.print.PrintRunRepository.Sent;
import dev.herald.print.PrintRunRepository.Waiting;
import dev.herald.receipt.Receipts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands a print run's batch to the print provider ({@value #TASK} task, one per batch, queued with
 * the run) and records it: the letters the provider took become {@code sending} (the outbox's
 * {@code delivered}), those it rejected technical failures. A batch is recorded once: a second run
 * of the task finds it sent and does nothing. One interrupted between the hand-over and the record
 * hands the same batch over again, which providers make harmless ({@link PrintProvider#send}).
 */
@Component
class PrintBatches {

  static final String TASK = "print-batch";
  static final int PRIORITY = 10;

  private static final Logger log = LoggerFactory.getLogger(PrintBatches.class);

  private final PrintRunRepository runs;
  private final PrintProviders providers;
  private final LetterFiles files;
  private final Receipts receipts;
  private final List<StatusListener> listeners;
  private final TransactionTemplate tx;
  private final Clock clock;

  PrintBatches(
      PrintRunRepository runs,
      PrintProviders providers,
      LetterFiles files,
      Receipts receipts,
      List<StatusListener> listeners,
      TransactionTemplate tx,
      Clock clock) {
    this.runs = runs;
    this.providers = providers;
    this.files = files;
    this.receipts = receipts;
    this.listeners = listeners;
    this.tx = tx;
    this.clock = clock;
  }

  /** Hands the batch over, unless it was; a failure is thrown for the task to try again. */
  void handOver(UUID batchId) throws PrintException {
    Waiting waiting = runs.batch(batchId).orElse(null);
    if (waiting == null || !"planned".equals(waiting.status())) {
      return;
    }
    PrintProvider provider = providers.current();
    List<PrintLetter> letters = new ArrayList<>();
    Map<UUID, String> unprintable = new HashMap<>();
    for (Letter letter : runs.letters(batchId)) {
      if (letter.recipient() == null) {
        unprintable.put(letter.id(), "no address");
        continue;
      }
      letters.add(
          new PrintLetter(
              letter.id(),
              letter.reference(),
              letter.postage(),
              letter.sheets(),
              List.of(letter.recipient().split("\n")),
              letter.international(),
              () -> files.printable(letter.expiresOn(), letter.id())));
    }
    PrintBatch batch =
        new PrintBatch(
            batchId,
            waiting.runDay(),
            waiting.deadline(),
            waiting.sequence(),
            waiting.serviceId(),
            waiting.postage(),
            letters);
    PrintOutcome sent = letters.isEmpty() ? PrintOutcome.allTaken() : provider.send(batch);
    Map<UUID, String> rejected = new HashMap<>(sent.rejected());
    rejected.putAll(unprintable);
    PrintOutcome outcome = new PrintOutcome(rejected);
    tx.executeWithoutResult(status -> record(batchId, provider, outcome));
    log.info(
        "Print batch {} ({} of run {}) handed to {}: {} letters, {} rejected",
        batchId,
        waiting.sequence(),
        waiting.runDay(),
        provider.name(),
        letters.size() + unprintable.size() - outcome.rejected().size(),
        outcome.rejected().size());
  }

  private void record(UUID batchId, PrintProvider provider, PrintOutcome outcome) {
    Instant now = clock.instant();
    List<UUID> rejected = runs.rejected(batchId, List.copyOf(outcome.rejected().keySet()), now);
    outcome
        .rejected()
        .forEach(
            (id, reason) -> log.warn("Letter {} rejected by {}: {}", id, provider.name(), reason));
    List<Sent> sent = runs.handedOver(batchId, provider.name(), rejected.size(), now);
    if (!sent.isEmpty()) {
      List<String> references = sent.stream().map(Sent::reference).toList();
      receipts.applyEarly(Collections.nCopies(references.size(), provider.name()), references);
    }
    List<UUID> changed = new ArrayList<>(rejected);
    if (provider.despatchesAtOnce() && !sent.isEmpty()) {
      List<UUID> ids = sent.stream().map(Sent::id).toList();
      runs.despatched(ids, now);
      changed.addAll(ids);
    }
    if (!changed.isEmpty()) {
      listeners.forEach(l -> l.statusChanged(changed));
    }
  }

  /** A batch the provider refused for good: its letters wait for the next run. */
  void refused(UUID batchId) {
    tx.executeWithoutResult(status -> runs.failed(batchId));
  }
}

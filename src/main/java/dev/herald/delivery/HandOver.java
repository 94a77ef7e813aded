package dev.herald.delivery;

import dev.herald.delivery.DeliveryRepository.HandedOver;
import dev.herald.delivery.DeliveryRepository.Work;
import dev.herald.notification.NotificationStatus;
import dev.herald.notification.StatusListener;
import dev.herald.receipt.Receipts;
import dev.herald.support.GroupCommit;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what became of a delivery: handed over (with its simulated receipt applied at once, for
 * the outbox and test keys), or given up as technical-failure.
 *
 * <p>Hand-overs are recorded in batches ({@link GroupCommit}): the hand-overs of the runs that
 * finish at about the same time go into one transaction, which also applies their simulated
 * receipts (in the same update, queueing their callbacks) and removes their rows from the delivery
 * queue, so that the status changes and the end of the work commit together, once for the batch.
 * The API's hand-overs waiting for a batch go into the next one before the bulk lane's: with a
 * job's rows on hundreds of threads, an API send waits for the batches running, not for the job's
 * hand-overs queued before it.
 */
@Component
class HandOver implements DisposableBean {

  static final String SIMULATOR = "simulator";

  /** Hand-overs recorded at once, at most, and batches running at once. */
  static final int BATCH = 200;

  static final int BATCH_THREADS = 2;

  private static final Logger log = LoggerFactory.getLogger(HandOver.class);

  private final DeliveryRepository repository;
  private final List<StatusListener> listeners;
  private final Receipts receipts;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final GroupCommit<Waiting, Boolean> batches;

  /** A hand-over waiting for its batch; the API's go before the bulk lane's. */
  private record Waiting(HandedOver handedOver, boolean bulk) {}

  HandOver(
      DeliveryRepository repository,
      List<StatusListener> listeners,
      Receipts receipts,
      TransactionTemplate tx,
      Clock clock,
      MeterRegistry meters) {
    this.repository = repository;
    this.listeners = listeners;
    this.receipts = receipts;
    this.tx = tx;
    this.clock = clock;
    this.batches =
        new GroupCommit<>(
            "hand-over",
            BATCH_THREADS,
            BATCH,
            Duration.ofMinutes(1),
            meters,
            waiting -> !waiting.bulk(),
            waiting -> record(waiting.stream().map(Waiting::handedOver).toList()));
  }

  /**
   * Records that {@code provider} took the notification, if it is still {@code created}, and
   * removes the run's queue row (of claim {@code claim}) in the same transaction. Answers whether
   * it removed the row; {@link Deliverer#NO_CLAIM} for a run outside the queue.
   */
  public boolean handedOver(
      Work work,
      NotificationStatus status,
      String provider,
      String reference,
      int billableUnits,
      Optional<NotificationStatus> simulatedReceipt,
      long claim) {
    return batches.submit(
        new Waiting(
            new HandedOver(
                work.id(),
                status,
                provider,
                reference,
                billableUnits,
                claim,
                simulatedReceipt.orElse(null)),
            work.bulk()));
  }

  /** A test key's notification: never sent; {@code sending}, then Notify's simulated outcome. */
  public boolean simulate(Work work, NotificationStatus outcome, int billableUnits, long claim) {
    return handedOver(
        work,
        NotificationStatus.SENDING,
        SIMULATOR,
        work.id().toString(),
        billableUnits,
        Optional.of(outcome),
        claim);
  }

  @Transactional
  public void giveUp(UUID id, String reason) {
    if (repository.markTechnicalFailure(id, clock.instant())) {
      log.warn("Notification {} became technical-failure: {}", id, reason);
      listeners.forEach(l -> l.statusChanged(id));
    }
  }

  /** One batch, in one transaction; answers, per hand-over, whether its queue row was removed. */
  private List<Boolean> record(List<HandedOver> batch) {
    return tx.execute(
        status -> {
          Instant now = clock.instant();
          // Two runs of one notification in a batch: the first is recorded, the second finds the
          // notification no longer created.
          Set<UUID> seen = new HashSet<>();
          List<HandedOver> distinct = new ArrayList<>();
          for (HandedOver h : batch) {
            if (seen.add(h.id())) {
              distinct.add(h);
            }
          }
          Map<UUID, NotificationStatus> recorded = repository.markHandedOver(distinct, now);
          List<String> providers = new ArrayList<>();
          List<String> references = new ArrayList<>();
          List<UUID> received = new ArrayList<>();
          for (HandedOver h : distinct) {
            NotificationStatus became = recorded.get(h.id());
            if (became == null) {
              log.info(
                  "Notification {} was handed over by another run; this run changed nothing",
                  h.id());
              continue;
            }
            if (became == h.outcome() && became != NotificationStatus.PENDING) {
              received.add(h.id());
            }
            providers.add(h.provider());
            references.add(h.reference());
          }
          if (!received.isEmpty()) {
            listeners.forEach(l -> l.statusChanged(received));
          }
          if (!providers.isEmpty()) {
            receipts.applyEarly(providers, references);
          }
          Set<String> removed = repository.removeFromQueue(batch);
          return batch.stream().map(h -> removed.contains(DeliveryRepository.runKey(h))).toList();
        });
  }

  @Override
  public void destroy() {
    batches.close();
  }
}

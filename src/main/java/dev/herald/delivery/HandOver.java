package dev.herald.delivery;

import dev.herald.delivery.DeliveryRepository.Work;
import dev.herald.notification.NotificationStatus;
import dev.herald.notification.StatusListener;
import dev.herald.receipt.Receipts;
import dev.herald.support.TaskQueue;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what became of a delivery, each in one transaction: handed over (with the simulated
 * receipt to follow, for the outbox and test keys), or given up as technical-failure.
 */
@Component
class HandOver {

  static final String SIMULATOR = "simulator";
  private static final Logger log = LoggerFactory.getLogger(HandOver.class);

  private final DeliveryRepository repository;
  private final TaskQueue tasks;
  private final List<StatusListener> listeners;
  private final Receipts receipts;
  private final Clock clock;

  HandOver(
      DeliveryRepository repository,
      TaskQueue tasks,
      List<StatusListener> listeners,
      Receipts receipts,
      Clock clock) {
    this.repository = repository;
    this.tasks = tasks;
    this.listeners = listeners;
    this.receipts = receipts;
    this.clock = clock;
  }

  @Transactional
  public void handedOver(
      Work work,
      NotificationStatus status,
      String provider,
      String reference,
      int billableUnits,
      Optional<NotificationStatus> simulatedReceipt) {
    Instant now = clock.instant();
    if (!repository.markHandedOver(work.id(), status, provider, reference, billableUnits, now)) {
      log.info(
          "Notification {} was handed over by another run; this run changed nothing", work.id());
      return;
    }
    simulatedReceipt.ifPresent(
        outcome -> SimulatedReceipts.queue(tasks, provider, reference, outcome, now));
    receipts.applyEarly(provider, reference);
  }

  /** A test key's notification: never sent; {@code sending}, then Notify's simulated outcome. */
  @Transactional
  public void simulate(Work work, NotificationStatus outcome, int billableUnits) {
    handedOver(
        work,
        NotificationStatus.SENDING,
        SIMULATOR,
        work.id().toString(),
        billableUnits,
        Optional.of(outcome));
  }

  @Transactional
  public void giveUp(UUID id, String reason) {
    if (repository.markTechnicalFailure(id, clock.instant())) {
      log.warn("Notification {} became technical-failure: {}", id, reason);
      listeners.forEach(l -> l.statusChanged(id));
    }
  }
}

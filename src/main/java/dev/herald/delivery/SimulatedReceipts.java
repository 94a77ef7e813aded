package dev.herald.delivery;

import dev.herald.notification.NotificationStatus;
import dev.herald.support.TaskQueue;
import java.time.Instant;

/**
 * Receipts for messages that were never really sent (outbox, test keys), queued as tasks in the
 * hand-over's transaction so they survive a crash. The task instance names the provider, the
 * reference and the outcome: {@code provider|reference|status}.
 */
final class SimulatedReceipts {

  static final String TASK = "simulated-receipt";

  private SimulatedReceipts() {}

  static void queue(
      TaskQueue tasks, String provider, String reference, NotificationStatus outcome, Instant at) {
    tasks.enqueue(TASK, provider + "|" + reference + "|" + outcome.value(), at, 50);
  }
}

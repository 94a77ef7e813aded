package dev.herald.notification;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Told, inside the transaction that made it, of every status change after hand-over (receipts,
 * giving up, timeouts), so that whatever must follow (the service's callback) is queued atomically
 * with it. A batch of changes (a hand-over batch with simulated receipts, a timeout batch) is told
 * in one call, so that a listener can act on it in one statement.
 */
public interface StatusListener {

  /** The notifications (distinct, at least one) whose status changed in this transaction. */
  void statusChanged(Collection<UUID> notificationIds);

  default void statusChanged(UUID notificationId) {
    statusChanged(List.of(notificationId));
  }
}

package dev.herald.notification;

import java.util.UUID;

/**
 * Told, inside the transaction that made it, of every status change after hand-over (receipts,
 * giving up, timeouts), so that whatever must follow (the service's callback) is queued atomically
 * with it.
 */
public interface StatusListener {

  void statusChanged(UUID notificationId);
}

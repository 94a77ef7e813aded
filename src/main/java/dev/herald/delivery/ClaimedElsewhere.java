package dev.herald.delivery;

import java.util.UUID;

/**
 * Another run holds the notification's claim (a task revived while its first run still runs, or one
 * whose run was killed): try again once the claim may have expired, and never give up for it.
 */
class ClaimedElsewhere extends RuntimeException {

  ClaimedElsewhere(UUID id) {
    super("Another run is delivering notification " + id, null, false, false);
  }
}

package dev.herald.retention;

import dev.herald.notification.NotificationStatus;
import dev.herald.notification.NotificationStatus.Change;
import dev.herald.notification.StatusListener;
import dev.herald.support.Sql;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notify's 72-hour timeout: email and SMS still {@code sending} or {@code pending} 72 hours after
 * hand-over become {@code temporary-failure}, with their callbacks queued. One cutoff is fixed at
 * the start; rows are changed in bounded batches, each its own transaction, so a run can be
 * interrupted or run twice at once and ends the same.
 *
 * <p>The rows due are selected by {@code ix_notifications_in_flight}'s predicate, written out so
 * that any plan can use that partial index, and changed only along {@link Change#TIMEOUT}; the two
 * must name the same statuses (TimeoutGuardIT checks it), or rows the guard refuses would fill
 * every batch.
 */
@Component
class TimeoutSendingNotifications {

  static final Duration TIMEOUT = Duration.ofHours(72);

  /** Rows per transaction. */
  static final int BATCH = 5_000;

  private static final Logger log = LoggerFactory.getLogger(TimeoutSendingNotifications.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final List<StatusListener> listeners;
  private final Clock clock;

  TimeoutSendingNotifications(
      JdbcClient jdbc, TransactionTemplate tx, List<StatusListener> listeners, Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.listeners = listeners;
    this.clock = clock;
  }

  /** Times out everything due at the start of the run; answers how many rows changed. */
  int run() {
    Instant now = clock.instant();
    Instant cutoff = now.minus(TIMEOUT);
    int total = 0;
    int changed;
    do {
      changed = tx.execute(status -> batch(cutoff, now));
      total += changed;
    } while (changed == BATCH);
    if (total > 0) {
      log.info("Timed out {} notifications sent before {}", total, cutoff);
    }
    return total;
  }

  private int batch(Instant cutoff, Instant now) {
    List<UUID> ids =
        jdbc.sql(
                """
                UPDATE notifications
                   SET status = :to, updated_at = :now
                 WHERE id IN (SELECT id FROM notifications
                               WHERE status IN ('sending', 'pending')
                                 AND sent_at < :cutoff
                                 AND notification_type IN ('email', 'sms')
                               ORDER BY sent_at
                               LIMIT :batch
                               FOR UPDATE SKIP LOCKED)
                   AND notification_type || ' ' || status || ' ' || :to = ANY (CAST(:guard AS text[]))
                RETURNING id
                """)
            .param("guard", Change.TIMEOUT.guard())
            .param("to", NotificationStatus.TEMPORARY_FAILURE.value())
            .param("now", Sql.ts(now))
            .param("cutoff", Sql.ts(cutoff))
            .param("batch", BATCH)
            .query(UUID.class)
            .list();
    if (!ids.isEmpty()) {
      listeners.forEach(l -> l.statusChanged(ids));
    }
    return ids.size();
  }
}

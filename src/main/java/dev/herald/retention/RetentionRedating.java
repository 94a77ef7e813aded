package dev.herald.retention;

import dev.herald.service.DataRetention;
import dev.herald.support.TaskQueue;
import dev.herald.support.Timestamps;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a service's retention for a type changes, moves its existing notifications to their new
 * expiry day, in bounded batches (a db-scheduler task per service and type that queues itself again
 * until none is left). Personal data whose new day is already past is removed at once.
 */
@Component
public class RetentionRedating {

  static final String TASK = "redate-retention";

  /** Rows per batch. */
  static final int BATCH = 5_000;

  private final JdbcClient jdbc;
  private final TaskQueue tasks;
  private final Clock clock;

  RetentionRedating(JdbcClient jdbc, TaskQueue tasks, Clock clock) {
    this.jdbc = jdbc;
    this.tasks = tasks;
    this.clock = clock;
  }

  /** Queues the re-dating of a service's notifications of a type (once, however often asked). */
  public void queue(UUID serviceId, String type) {
    // After other instances' caches of the setting have expired, so no row is stored with the
    // old day behind the re-dating's back.
    tasks.enqueue(
        TASK,
        serviceId + ":" + type,
        clock.instant().plus(DataRetention.CACHE_TTL).plusSeconds(1),
        10);
  }

  /** Re-dates one batch; answers how many notifications moved (fewer than a batch: done). */
  @Transactional
  public int batch(UUID serviceId, String type) {
    LocalDate today = Timestamps.londonDate(clock.instant());
    List<UUID> moved =
        jdbc.sql(
                """
                WITH due AS (
                  SELECT n.id, n.expires_on AS old_day,
                         (n.created_at AT TIME ZONE 'Europe/London')::date
                           + coalesce(r.days_of_retention, 7) AS new_day
                    FROM notifications n
                    LEFT JOIN service_data_retention r
                      ON r.service_id = n.service_id AND r.notification_type = n.notification_type
                   WHERE n.service_id = :serviceId AND n.notification_type = :type
                     AND n.expires_on >= :today
                     AND n.expires_on <> (n.created_at AT TIME ZONE 'Europe/London')::date
                                          + coalesce(r.days_of_retention, 7)
                   ORDER BY n.created_at
                   LIMIT :batch
                   FOR UPDATE OF n
                ), expired AS (
                  DELETE FROM notification_personal_data p USING due
                   WHERE p.notification_id = due.id AND p.expires_on = due.old_day
                     AND due.new_day < :today
                ), kept AS (
                  UPDATE notification_personal_data p SET expires_on = due.new_day FROM due
                   WHERE p.notification_id = due.id AND p.expires_on = due.old_day
                     AND due.new_day >= :today
                )
                UPDATE notifications n SET expires_on = due.new_day FROM due
                 WHERE n.id = due.id
                RETURNING n.id
                """)
            .param("serviceId", serviceId)
            .param("type", type)
            .param("today", today)
            .param("batch", BATCH)
            .query(UUID.class)
            .list();
    return moved.size();
  }
}

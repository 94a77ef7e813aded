package dev.herald.retention;

import dev.herald.notification.ExpiryDays;
import dev.herald.service.DataRetention;
import dev.herald.support.Sql;
import dev.herald.support.TaskQueue;
import dev.herald.support.Timestamps;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.SqlTypeValue;
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

  /**
   * The next batch of the service's notifications of a type whose expiry day is not the one their
   * retention gives, oldest first, locked.
   */
  static final String DUE =
      """
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
      """;

  /**
   * Moves the batch to its new days: the personal data read from the partitions of the batch's old
   * days ({@code %s}, twice), written into the constant so that PostgreSQL plans those partitions
   * only; matched on the joined days, it planned every partition ({@link ExpiryDays}).
   */
  static final String MOVE =
      """
      WITH due (id, old_day, new_day) AS (
        SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:oldDays AS date[]),
                             CAST(:newDays AS date[]))
      ), expired AS (
        DELETE FROM notification_personal_data p USING due
         WHERE p.expires_on = ANY ('%s'::date[])
           AND p.notification_id = due.id AND p.expires_on = due.old_day
           AND due.new_day < :today
      ), kept AS (
        UPDATE notification_personal_data p SET expires_on = due.new_day FROM due
         WHERE p.expires_on = ANY ('%s'::date[])
           AND p.notification_id = due.id AND p.expires_on = due.old_day
           AND due.new_day >= :today
      )
      UPDATE notifications n SET expires_on = due.new_day FROM due
       WHERE n.id = due.id
      """;

  /** Re-dates one batch; answers how many notifications moved (fewer than a batch: done). */
  @Transactional
  public int batch(UUID serviceId, String type) {
    LocalDate today = Timestamps.londonDate(clock.instant());
    List<Due> due =
        jdbc.sql(DUE)
            .param("serviceId", serviceId)
            .param("type", type)
            .param("today", today)
            .param("batch", BATCH)
            .query(
                (rs, row) ->
                    new Due(
                        rs.getObject("id", UUID.class),
                        rs.getObject("old_day", LocalDate.class),
                        rs.getObject("new_day", LocalDate.class)))
            .list();
    if (due.isEmpty()) {
      return 0;
    }
    String oldDays = ExpiryDays.literal(due.stream().map(Due::oldDay).toList());
    int moved =
        jdbc.sql(MOVE.formatted(oldDays, oldDays))
            .param("ids", Sql.array("uuid", due.stream().map(Due::id).toList()))
            .param("oldDays", days(due, Due::oldDay))
            .param("newDays", days(due, Due::newDay))
            .param("today", today)
            .update();
    if (moved != due.size()) {
      throw new IllegalStateException("Expected to re-date " + due.size() + ", moved " + moved);
    }
    return moved;
  }

  /** The days as a {@code text[]} parameter, which the statement casts to {@code date[]}. */
  private static SqlTypeValue days(List<Due> due, Function<Due, LocalDate> day) {
    return Sql.array("text", due.stream().map(d -> day.apply(d).toString()).toList());
  }

  private record Due(UUID id, LocalDate oldDay, LocalDate newDay) {}
}

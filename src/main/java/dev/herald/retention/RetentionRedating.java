package dev.herald.retention;

import dev.herald.letter.LetterFiles;
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
 * until none is left). Personal data whose new day is already past is removed at once. A letter's
 * files move with it (copied under the new day first; the old day's go with its partition), or go
 * first when its data goes at once.
 */
@Component
public class RetentionRedating {

  static final String TASK = "redate-retention";

  /** Rows per batch. */
  static final int BATCH = 5_000;

  private final JdbcClient jdbc;
  private final TaskQueue tasks;
  private final Clock clock;
  private final LetterFiles files;

  RetentionRedating(JdbcClient jdbc, TaskQueue tasks, Clock clock, LetterFiles files) {
    this.jdbc = jdbc;
    this.tasks = tasks;
    this.clock = clock;
    this.files = files;
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
      SELECT n.id, n.status, n.expires_on AS old_day,
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
        jdbc
            .sql(DUE)
            .param("serviceId", serviceId)
            .param("type", type)
            .param("today", today)
            .param("batch", BATCH)
            .query(
                (rs, row) ->
                    new Due(
                        rs.getObject("id", UUID.class),
                        rs.getObject("old_day", LocalDate.class),
                        keptUntilFinal(
                            type,
                            rs.getString("status"),
                            rs.getObject("new_day", LocalDate.class),
                            today)))
            .list()
            .stream()
            // Kept at today already: nothing to move. (Were a whole batch such letters, the
            // re-dating would stop short; that takes 5,000 letters unprinted past retention.)
            .filter(d -> !d.newDay().equals(d.oldDay()))
            .toList();
    if (due.isEmpty()) {
      return 0;
    }
    if ("letter".equals(type)) {
      // Files first: a letter's files live under its expiry day and go with that day's partition.
      for (Due letter : due) {
        if (letter.newDay().isBefore(today)) {
          files.delete(letter.oldDay(), letter.id());
        } else {
          files.copyToDay(letter.id(), letter.oldDay(), letter.newDay());
        }
      }
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
    if ("letter".equals(type)) {
      // A letter still waiting for its PDF has a task named by its expiry day.
      jdbc.sql(
              """
              UPDATE scheduled_tasks t SET task_instance = d.id || '/' || d.new_day
                FROM unnest(CAST(:ids AS text[]), CAST(:oldDays AS text[]),
                            CAST(:newDays AS text[])) AS d (id, old_day, new_day)
               WHERE t.task_name = 'letter-pdf' AND NOT t.picked
                 AND t.task_instance = ANY (CAST(:oldInstances AS text[]))
                 AND t.task_instance = d.id || '/' || d.old_day
              """)
          .param("ids", Sql.array("text", due.stream().map(d -> d.id().toString()).toList()))
          .param("oldDays", days(due, Due::oldDay))
          .param("newDays", days(due, Due::newDay))
          .param(
              "oldInstances",
              Sql.array("text", due.stream().map(d -> d.id() + "/" + d.oldDay()).toList()))
          .update();
    }
    return moved;
  }

  /**
   * A letter not final yet keeps its personal data (notify-letters.md §7.2): moved to a day already
   * past, it is moved to today instead, and nightly retention carries it on ({@link
   * InFlightLetters}).
   */
  private static LocalDate keptUntilFinal(
      String type, String status, LocalDate newDay, LocalDate today) {
    boolean inFlight =
        "letter".equals(type)
            && List.of("created", "sending", "pending-virus-check").contains(status);
    return inFlight && newDay.isBefore(today) ? today : newDay;
  }

  /** The days as a {@code text[]} parameter, which the statement casts to {@code date[]}. */
  private static SqlTypeValue days(List<Due> due, Function<Due, LocalDate> day) {
    return Sql.array("text", due.stream().map(d -> day.apply(d).toString()).toList());
  }

  private record Due(UUID id, LocalDate oldDay, LocalDate newDay) {}
}

package dev.herald.retention;

import dev.herald.support.Sql;
import dev.herald.support.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nightly retention: drops the personal-data partitions of expiry days before today (London), so
 * personal data past its date is gone in one statement per day, with no row deletes and nothing to
 * vacuum; then removes test-key notifications past their date, received texts past their service's
 * SMS retention, and expired files, in bounded batches. The notifications themselves stay as
 * history. Run twice at once or interrupted and run again, it ends in the same state.
 */
@Component
class PersonalDataRetention {

  /** Rows per transaction for the row deletes. */
  static final int BATCH = 10_000;

  private static final Logger log = LoggerFactory.getLogger(PersonalDataRetention.class);
  private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;

  PersonalDataRetention(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
  }

  /** What one run removed. */
  record Outcome(
      int partitionsDropped,
      Duration partitionsTook,
      int testNotifications,
      Duration testNotificationsTook,
      int documents) {}

  /** The 03:00 run: partitions of past expiry days, test-key notifications, expired files. */
  Outcome run() {
    Instant now = clock.instant();
    LocalDate today = Timestamps.londonDate(now);
    long started = System.nanoTime();
    int partitions = dropPartitionsBefore(today);
    Duration partitionsTook = Duration.ofNanos(System.nanoTime() - started);
    started = System.nanoTime();
    int test =
        inBatches(
            """
        DELETE FROM notifications WHERE id IN (
          SELECT id FROM notifications WHERE key_type = 'test' AND expires_on < :today LIMIT :batch)
        """,
            today,
            now);
    Duration testTook = Duration.ofNanos(System.nanoTime() - started);
    int documents =
        inBatches(
            """
        DELETE FROM documents WHERE id IN (SELECT id FROM documents WHERE expires_at < :now LIMIT :batch)
        """,
            today,
            now);
    Outcome outcome = new Outcome(partitions, partitionsTook, test, testTook, documents);
    log.info("Retention up to {}: {}", today, outcome);
    return outcome;
  }

  /**
   * The 01:40 run: received texts older than their service's SMS retention (a text received on
   * London day D, with N days, goes in the night after day D + N).
   */
  int runInbound() {
    Instant now = clock.instant();
    LocalDate today = Timestamps.londonDate(now);
    int deleted =
        inBatches(
            """
        DELETE FROM inbound_sms WHERE id IN (
          SELECT i.id FROM inbound_sms i
            LEFT JOIN service_data_retention r
              ON r.service_id = i.service_id AND r.notification_type = 'sms'
           WHERE i.created_at < ((CAST(:today AS date) - coalesce(r.days_of_retention, 7))::timestamp
                                 AT TIME ZONE 'Europe/London')
           LIMIT :batch)
        """,
            today,
            now);
    log.info("Inbound SMS retention up to {}: {} removed", today, deleted);
    return deleted;
  }

  /** Drops the partitions of expiry days before {@code today}; answers how many it dropped. */
  int dropPartitionsBefore(LocalDate today) {
    List<String> due =
        jdbc.sql(
                """
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                 WHERE i.inhparent = 'notification_personal_data'::regclass
                   AND c.relname < :firstKept
                 ORDER BY c.relname
                """)
            .param("firstKept", "notification_personal_data_" + SUFFIX.format(today))
            .query(String.class)
            .list();
    for (String partition : due) {
      // Names come from pg_class and match the partition naming; identifiers cannot be bound.
      if (!partition.matches("notification_personal_data_\\d{8}")) {
        throw new IllegalStateException("Unexpected partition " + partition);
      }
      jdbc.sql("DROP TABLE IF EXISTS " + partition).update();
    }
    return due.size();
  }

  private int inBatches(String sql, LocalDate today, Instant now) {
    int total = 0;
    int deleted;
    do {
      deleted =
          tx.execute(
              status ->
                  jdbc.sql(sql)
                      .param("today", today)
                      .param("now", Sql.ts(now))
                      .param("batch", BATCH)
                      .update());
      total += deleted;
    } while (deleted == BATCH);
    return total;
  }
}

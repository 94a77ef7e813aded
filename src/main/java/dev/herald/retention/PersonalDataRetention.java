package dev.herald.retention;

import dev.herald.support.Sql;
import dev.herald.support.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nightly retention: carries letters not final yet over to today ({@link InFlightLetters}), then
 * drops the personal-data partitions of expiry days before today (London), so personal data past
 * its date is gone in one statement, with no row deletes and nothing to vacuum; meanwhile removes
 * test-key notifications past their date; then received texts past their service's SMS retention
 * and expired files, in bounded batches. The notifications themselves stay as history. Run twice at
 * once or interrupted and run again, it ends in the same state.
 */
@Component
class PersonalDataRetention {

  /**
   * Rows per transaction for the row deletes. At 10M rows, the 210,411 expired test-key
   * notifications went in 1.7 s under intake load from their own partition (7.4 s when they lay one
   * to a page among the others; bench retention).
   */
  static final int BATCH = 10_000;

  /** Rounds of test-key batches, each after rows were updated under the one before (see below). */
  static final int TEST_KEY_ROUNDS = 3;

  private static final Logger log = LoggerFactory.getLogger(PersonalDataRetention.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final ExpiredPartitions partitions;
  private final InFlightLetters inFlight;

  PersonalDataRetention(
      JdbcClient jdbc,
      TransactionTemplate tx,
      Clock clock,
      ExpiredPartitions partitions,
      InFlightLetters inFlight) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
    this.partitions = partitions;
    this.inFlight = inFlight;
  }

  /** What one run removed. */
  record Outcome(
      int partitionsDropped,
      int partitionAttempts,
      Duration partitionsTook,
      int testNotifications,
      Duration testNotificationsTook,
      int documents) {}

  /**
   * The 03:00 run: partitions of past expiry days, test-key notifications, expired files. The
   * partition drops and the test-key deletes touch different tables and wait on different things
   * (the drop on the file system and the parent's lock, the deletes on their pages and the WAL), so
   * they run at the same time, on two connections.
   */
  Outcome run() {
    Instant now = clock.instant();
    LocalDate today = Timestamps.londonDate(now);
    inFlight.carryOver(today);
    Timed<ExpiredPartitions.Dropped> drops;
    Timed<Integer> test;
    try (ExecutorService alongside = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<Timed<ExpiredPartitions.Dropped>> dropping =
          alongside.submit(() -> Timed.of(() -> partitions.dropBefore(today)));
      test = Timed.of(() -> deleteTestNotifications(today, now));
      drops = result(dropping);
    }
    ExpiredPartitions.Dropped dropped = drops.value();
    Duration partitionsTook = drops.took();
    Duration testTook = test.took();
    int documents =
        inBatches(
            """
        DELETE FROM documents WHERE id IN (SELECT id FROM documents WHERE expires_at < :now LIMIT :batch)
        """,
            today,
            now);
    Outcome outcome =
        new Outcome(
            dropped.partitions(),
            dropped.attempts(),
            partitionsTook,
            test.value(),
            testTook,
            documents);
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

  /**
   * Test-key notifications past their day, from the test keys' own partition, where they fill few
   * pages. By row address, so that each batch reads the rows through the expiry index and nothing
   * else (an IN (subquery) here scanned the whole table, every batch).
   *
   * <p>A row updated while its batch waits for it (a late receipt) has a new address, and the
   * delete skips it: the batches end with it still there. So the batches run again while an expired
   * row is left, a few times at most; one still there after that waits for the next night.
   */
  private int deleteTestNotifications(LocalDate today, Instant now) {
    int total = 0;
    for (int round = 1; round <= TEST_KEY_ROUNDS; round++) {
      total +=
          inBatches(
              """
              DELETE FROM notifications_test
               WHERE ctid = ANY (ARRAY(
                       SELECT ctid FROM notifications_test WHERE expires_on < :today LIMIT :batch))
                 AND expires_on < :today
              """,
              today,
              now);
      boolean left =
          jdbc.sql(
                  """
                  SELECT EXISTS (SELECT 1 FROM notifications_test WHERE expires_on < :today)
                  """)
              .param("today", today)
              .query(Boolean.class)
              .single();
      if (!left) {
        return total;
      }
    }
    log.warn(
        "Test-key notifications past {} still there after {} rounds; the next run removes them",
        today,
        TEST_KEY_ROUNDS);
    return total;
  }

  private static <T> T result(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while dropping partitions", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** A step's result and how long it took. */
  private record Timed<T>(T value, Duration took) {
    static <T> Timed<T> of(Supplier<T> step) {
      long started = System.nanoTime();
      T value = step.get();
      return new Timed<>(value, Duration.ofNanos(System.nanoTime() - started));
    }
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
      // Until a batch finds none: with two runs at once, both can end a batch short of BATCH.
    } while (deleted > 0);
    return total;
  }
}

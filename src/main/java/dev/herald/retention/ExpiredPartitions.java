package dev.herald.retention;

import dev.herald.files.ObjectStore;
import dev.herald.files.ObjectStoreException;
import dev.herald.letter.LetterFiles;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drops the personal-data partitions of past expiry days, all in one statement, each only once it
 * holds no letter that is not final yet ({@link InFlightLetters}) and its day's letter files are
 * gone: a day whose files the store could not delete keeps its partition until a later run deletes
 * them (DESIGN.md §4a). Dropping a partition locks the parent exclusively: the lock waits for
 * inserts in flight and new inserts queue behind it. So each attempt waits at most a short lock
 * timeout, and one that times out tries again after a growing pause; intake is held up for at most
 * the timeout plus the drop.
 */
class ExpiredPartitions {

  /** How many partitions went, and in which attempt. */
  record Dropped(int partitions, int attempts) {}

  /**
   * Long enough for the inserts in flight to finish, short enough not to hold up intake: at 10M
   * rows, 31 partitions went at the first attempt, in 2.0 s under intake load (bench retention).
   */
  static final Duration LOCK_TIMEOUT = Duration.ofMillis(200);

  /** The pause after the first timeout, doubling after each: about 8.5 minutes in all. */
  static final Duration FIRST_PAUSE = Duration.ofSeconds(1);

  static final int ATTEMPTS = 10;

  private static final String LOCK_NOT_AVAILABLE = "55P03";

  private static final Logger log = LoggerFactory.getLogger(ExpiredPartitions.class);
  private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;

  private final JdbcClient jdbc;
  private final ObjectStore files;
  private final TransactionTemplate tx;
  private final Duration lockTimeout;
  private final Duration firstPause;
  private final int attempts;

  ExpiredPartitions(
      JdbcClient jdbc,
      ObjectStore files,
      TransactionTemplate tx,
      Duration lockTimeout,
      Duration firstPause,
      int attempts) {
    this.jdbc = jdbc;
    this.files = files;
    this.tx = tx;
    this.lockTimeout = lockTimeout;
    this.firstPause = firstPause;
    this.attempts = attempts;
  }

  /** Drops the partitions of expiry days before {@code today}; gives up after the last attempt. */
  Dropped dropBefore(LocalDate today) {
    Duration pause = firstPause;
    for (int attempt = 1; ; attempt++) {
      try {
        return new Dropped(tx.execute(status -> dropInOneTransaction(today)), attempt);
      } catch (DataAccessException e) {
        if (!isLockTimeout(e) || attempt == attempts) {
          throw e;
        }
        log.info("Partitions before {} not dropped yet (attempt {}): {}", today, attempt, e);
        pauseFor(pause);
        pause = pause.multipliedBy(2);
      }
    }
  }

  private int dropInOneTransaction(LocalDate today) {
    List<String> expired =
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
    // A day that still holds a letter not final yet (its carry-over failed) keeps its partition.
    List<String> held =
        jdbc
            .sql(InFlightLetters.DAYS_IN_FLIGHT)
            .param("today", today)
            .query(LocalDate.class)
            .list()
            .stream()
            .map(day -> "notification_personal_data_" + SUFFIX.format(day))
            .toList();
    List<String> due =
        expired.stream().filter(p -> !held.contains(p)).filter(this::filesDeleted).toList();
    if (!held.isEmpty()) {
      log.warn("Partitions {} kept: they hold letters not final yet", held);
    }
    if (due.isEmpty()) {
      return 0;
    }
    jdbc.sql("SELECT set_config('lock_timeout', :timeout, true)")
        .param("timeout", lockTimeout.toMillis() + "ms")
        .query()
        .singleRow();
    // IF EXISTS: a run at the same time may have dropped them while this one waited.
    jdbc.sql("DROP TABLE IF EXISTS " + String.join(", ", due)).update();
    return due.size();
  }

  /** Whether the letter files of the partition's day are gone (deleted now, or never there). */
  private boolean filesDeleted(String partition) {
    // Names come from pg_class and match the partition naming; identifiers cannot be bound.
    if (!partition.matches("notification_personal_data_\\d{8}")) {
      throw new IllegalStateException("Unexpected partition " + partition);
    }
    LocalDate day = LocalDate.parse(partition.substring(partition.length() - 8), SUFFIX);
    try {
      int deleted = files.deleteFolder(LetterFiles.folder(day));
      if (deleted > 0) {
        log.info("Deleted {} letter files of expiry day {}", deleted, day);
      }
      return true;
    } catch (ObjectStoreException e) {
      log.warn("Letter files of expiry day {} not deleted, its partition is kept: {}", day, e);
      return false;
    }
  }

  /** Spring leaves PostgreSQL's lock_not_available (55P03) uncategorised, so by its SQL state. */
  private static boolean isLockTimeout(DataAccessException e) {
    return e.getMostSpecificCause() instanceof SQLException sql
        && LOCK_NOT_AVAILABLE.equals(sql.getSQLState());
  }

  private static void pauseFor(Duration pause) {
    try {
      Thread.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting to drop partitions", e);
    }
  }
}

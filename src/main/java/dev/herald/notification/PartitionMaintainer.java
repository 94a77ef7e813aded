package dev.herald.notification;

import dev.herald.support.Timestamps;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the daily partitions of personal data ahead of need: one per London expiry day, from
 * yesterday to {@link #DAYS_AHEAD} days on (more than the longest retention), before the server
 * takes requests and then hourly (never waiting long for a lock: see {@link #createAheadHourly()}).
 * Instances starting together take turns on an advisory lock.
 */
@Component
public class PartitionMaintainer implements SmartInitializingSingleton {

  /** The longest retention is 90 days; a margin covers a clock that runs ahead. */
  public static final int DAYS_AHEAD = 100;

  /** How long the hourly run waits for a lock before it leaves the work to the next hour. */
  public static final Duration HOURLY_LOCK_TIMEOUT = Duration.ofSeconds(1);

  /** PostgreSQL's lock_not_available, which Spring leaves uncategorised. */
  private static final String LOCK_NOT_AVAILABLE = "55P03";

  private static final long LOCK_ID = 0x4845524c44504152L;
  private static final Logger log = LoggerFactory.getLogger(PartitionMaintainer.class);
  private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;

  PartitionMaintainer(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public void afterSingletonsInstantiated() {
    createAhead();
  }

  /** Creates what is missing, waiting as long as it takes for the locks (before requests). */
  public void createAhead() {
    create(null);
  }

  /**
   * The hourly run: as {@link #createAhead()}, but gives up (until the next hour; the partitions
   * are made {@link #DAYS_AHEAD} days ahead) when a lock is not had within {@link
   * #HOURLY_LOCK_TIMEOUT}. {@code CREATE TABLE … PARTITION OF} takes an {@code ACCESS EXCLUSIVE}
   * lock on {@code notification_personal_data}: waiting for it behind a long statement on the table
   * (an {@code ANALYZE} of the whole table by {@code PlannerStatistics}, a search) would queue
   * every send's insert behind the wait. Answers whether it ran to the end.
   */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
  public boolean createAheadHourly() {
    try {
      create(HOURLY_LOCK_TIMEOUT);
      return true;
    } catch (DataAccessException e) {
      if (!(e.getMostSpecificCause() instanceof SQLException sql
          && LOCK_NOT_AVAILABLE.equals(sql.getSQLState()))) {
        throw e;
      }
      log.info(
          "Personal-data partitions not created this hour: a lock was not had within {}",
          HOURLY_LOCK_TIMEOUT);
      return false;
    }
  }

  private void create(Duration lockTimeout) {
    LocalDate today = Timestamps.londonDate(clock.instant());
    int created =
        tx.execute(
            status -> {
              jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
                  .param("lock", LOCK_ID)
                  .query()
                  .singleRow();
              if (lockTimeout != null) {
                jdbc.sql("SELECT set_config('lock_timeout', :timeout, true)")
                    .param("timeout", lockTimeout.toMillis() + "ms")
                    .query()
                    .singleRow();
              }
              int count = 0;
              for (int i = -1; i <= DAYS_AHEAD; i++) {
                count += ensure(today.plusDays(i)) ? 1 : 0;
              }
              return count;
            });
    if (created > 0) {
      log.info("Created {} personal-data partitions up to {}", created, today.plusDays(DAYS_AHEAD));
    }
  }

  private boolean ensure(LocalDate day) {
    String name = "notification_personal_data_" + SUFFIX.format(day);
    boolean exists =
        jdbc.sql("SELECT to_regclass(:name) IS NOT NULL")
            .param("name", name)
            .query(Boolean.class)
            .single();
    if (exists) {
      return false;
    }
    // Identifiers cannot be bound; the name and bounds come from a LocalDate, never from input.
    jdbc.sql(
            "CREATE TABLE "
                + name
                + " PARTITION OF notification_personal_data FOR VALUES FROM ('"
                + day
                + "') TO ('"
                + day.plusDays(1)
                + "')")
        .update();
    return true;
  }
}

package dev.herald.print;

import dev.herald.support.Sql;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What needs someone's attention about letters, as Prometheus gauges and a log line each while it
 * is so (counts only, no personal data), checked every five minutes:
 *
 * <ul>
 *   <li>{@code herald_letters_created_after_run}: live letters still {@code created} from before
 *       the deadline of the last print run made (not taken by it: their PDF was not made in time,
 *       or their batch still waits for the provider);
 *   <li>{@code herald_letters_pending_virus_check_stale}: precompiled letters in {@code
 *       pending-virus-check} for more than {@value #STALE_SCAN_MINUTES} minutes;
 *   <li>{@code herald_print_runs_count_mismatch}: print runs (of the last 30 days) whose batches
 *       are all handed over or refused, and whose provider's count (letters it took and rejected,
 *       and those of refused batches) differs from the letters the run put in its batches.
 * </ul>
 */
@Component
class PrintAlerts {

  static final int STALE_SCAN_MINUTES = 90;
  private static final Logger log = LoggerFactory.getLogger(PrintAlerts.class);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final AtomicLong createdAfterRun = new AtomicLong();
  private final AtomicLong staleScans = new AtomicLong();
  private final AtomicLong mismatchedRuns = new AtomicLong();

  PrintAlerts(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.clock = clock;
    Gauge.builder("herald.letters.created.after.run", createdAfterRun, AtomicLong::get)
        .description("Live letters still created from before the last print run's deadline")
        .register(meters);
    Gauge.builder("herald.letters.pending.virus.check.stale", staleScans, AtomicLong::get)
        .description("Precompiled letters waiting for their virus scan for over 90 minutes")
        .register(meters);
    Gauge.builder("herald.print.runs.count.mismatch", mismatchedRuns, AtomicLong::get)
        .description("Print runs whose provider's count differs from Herald's")
        .register(meters);
  }

  /** What one check found. */
  record Found(long createdAfterRun, long staleScans, long mismatchedRuns) {}

  @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
  Found check() {
    long created =
        jdbc.sql(
                """
                SELECT count(*) FROM notifications
                 WHERE notification_type = 'letter' AND status = 'created'
                   AND key_type = 'normal'
                   AND created_at < (SELECT max(deadline) FROM print_runs)
                """)
            .query(Long.class)
            .single();
    long stale =
        jdbc.sql(
                """
                SELECT count(*) FROM notifications
                 WHERE notification_type = 'letter' AND status = 'pending-virus-check'
                   AND key_type IN ('normal', 'team') AND created_at < :before
                """)
            .param("before", Sql.ts(clock.instant().minus(Duration.ofMinutes(STALE_SCAN_MINUTES))))
            .query(Long.class)
            .single();
    long mismatched =
        jdbc.sql(
                """
                SELECT count(*) FROM (
                  SELECT r.id FROM print_runs r JOIN print_batches b ON b.run_id = r.id
                   WHERE r.started_at > :since
                   GROUP BY r.id, r.letters
                  HAVING count(*) FILTER (WHERE b.status = 'planned') = 0
                     AND r.letters <> sum(CASE WHEN b.status = 'failed' THEN b.letters
                                               ELSE b.taken + b.rejected END)
                ) AS m
                """)
            .param("since", Sql.ts(clock.instant().minus(Duration.ofDays(30))))
            .query(Long.class)
            .single();
    createdAfterRun.set(created);
    staleScans.set(stale);
    mismatchedRuns.set(mismatched);
    if (created > 0) {
      log.warn(
          "{} live letters are still created from before the last print run's deadline", created);
    }
    if (stale > 0) {
      log.warn(
          "{} precompiled letters have waited over {} minutes for their virus scan",
          stale,
          STALE_SCAN_MINUTES);
    }
    if (mismatched > 0) {
      log.warn("{} print runs have a provider count that differs from Herald's", mismatched);
    }
    return new Found(created, stale, mismatched);
  }
}

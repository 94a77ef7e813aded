package dev.herald.job;

import dev.herald.notification.NotificationStatus;
import dev.herald.support.Sql;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The counts of jobs' notifications by status ({@value #TASK} task, every {@link
 * JobConfiguration#STATISTICS_EVERY}), kept in {@code job_statistics} so that reading a job never
 * counts its notifications. Each run counts the {@value #JOBS_PER_RUN} jobs counted longest ago
 * among those due: a job being stored, or stored less than {@link #AGE_PER_INTERVAL} times the
 * interval ago, every run; one stored longer ago after a tenth of the time since its last row was
 * stored, at most {@link #LONGEST} apart, since its counts change only as receipts arrive (a count
 * reads every row of the job, and a job of a million rows can wait 72 hours for its last receipt).
 * A job whose every row is a notification in a final status is counted a last time and then left
 * alone.
 */
@Component
class JobStatistics {

  static final String TASK = "job-statistics";

  static final int JOBS_PER_RUN = 50;

  /** A stored job is counted again after its age (since its last row was stored) over this. */
  static final int AGE_PER_INTERVAL = 10;

  /** The longest a job still changing waits between counts. */
  static final Duration LONGEST = Duration.ofHours(1);

  private static final List<String> FINAL =
      NotificationStatus.COMPLETED.stream().map(NotificationStatus::value).sorted().toList();

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;

  JobStatistics(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
  }

  /** Counts the jobs due a count; answers how many it counted. */
  int refresh() {
    List<UUID> due =
        jdbc.sql(
                """
                SELECT id FROM jobs
                 WHERE NOT statistics_final
                   AND job_status IN ('in progress', 'finished all notifications created')
                   AND (statistics_at IS NULL OR processing_finished IS NULL
                        OR statistics_at <= :now - least(make_interval(secs => :longest),
                                                         (:now - processing_finished) / :age))
                 ORDER BY statistics_at NULLS FIRST
                 LIMIT :limit
                """)
            .param("now", Sql.ts(clock.instant()))
            .param("longest", LONGEST.toSeconds())
            .param("age", AGE_PER_INTERVAL)
            .param("limit", JOBS_PER_RUN)
            .query(UUID.class)
            .list();
    due.forEach(this::count);
    return due.size();
  }

  private void count(UUID job) {
    tx.executeWithoutResult(
        status -> {
          Map<String, Integer> counts = new LinkedHashMap<>();
          jdbc.sql(
                  """
                  SELECT status, count(*) AS n FROM notifications
                   WHERE job_id = :job GROUP BY status ORDER BY status
                  """)
              .param("job", job)
              .query((RowCallbackHandler) rs -> counts.put(rs.getString("status"), rs.getInt("n")));
          jdbc.sql("DELETE FROM job_statistics WHERE job_id = :job").param("job", job).update();
          counts.forEach(
              (name, n) ->
                  jdbc.sql(
                          "INSERT INTO job_statistics (job_id, status, count) VALUES (:job, :s, :n)")
                      .param("job", job)
                      .param("s", name)
                      .param("n", n)
                      .update());
          int total = counts.values().stream().mapToInt(Integer::intValue).sum();
          boolean settled = FINAL.containsAll(counts.keySet());
          Instant now = clock.instant();
          jdbc.sql(
                  """
                  UPDATE jobs SET statistics_at = :now,
                         statistics_final = (job_status = 'finished all notifications created'
                                             AND rows_done = :total AND :settled)
                   WHERE id = :job
                  """)
              .param("now", Sql.ts(now))
              .param("total", total)
              .param("settled", settled)
              .param("job", job)
              .update();
        });
  }

  /** Jobs' counts by status, as last counted, in status order; a job not yet counted has none. */
  Map<UUID, List<Map<String, Object>>> of(List<UUID> jobs) {
    Map<UUID, List<Map<String, Object>>> all = new LinkedHashMap<>();
    jobs.forEach(job -> all.put(job, new ArrayList<>()));
    jdbc.sql(
            """
            SELECT job_id, status, count FROM job_statistics
             WHERE job_id = ANY(:jobs) ORDER BY job_id, status
            """)
        .param("jobs", jobs.toArray(UUID[]::new))
        .query(
            (RowCallbackHandler)
                rs -> {
                  Map<String, Object> entry = new LinkedHashMap<>();
                  entry.put("status", rs.getString("status"));
                  entry.put("count", rs.getInt("count"));
                  all.get(rs.getObject("job_id", UUID.class)).add(entry);
                });
    return all;
  }
}

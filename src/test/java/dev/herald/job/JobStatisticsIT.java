package dev.herald.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.support.Sql;
import dev.herald.testdata.ApiIT;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A stored job's counts by status are read again less often as it ages: every run while it is
 * young, then after a tenth of the time since its last row was stored, at most an hour apart; a job
 * counted with every row in a final status is left alone.
 */
class JobStatisticsIT extends ApiIT {

  @Autowired JdbcClient jdbc;
  @Autowired JobStatistics statistics;

  @Test
  void aStoredJobIsCountedAfterATenthOfItsAgeAndAtLeastHourly() {
    UUID service = herald.liveService();
    UUID job = herald.jobOf(service, Map.of("upload_id", upload(service).toString()));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> herald.jobStatus(service, job).equals(JobStatus.FINISHED_ALL_CREATED.value()));
    await().atMost(Duration.ofSeconds(60)).until(() -> delivered(job) == 3);
    // Receipts still to come: its counts can move, so it is counted again from time to time.
    jdbc.sql("UPDATE notifications SET status = 'sending' WHERE job_id = :job")
        .param("job", job)
        .update();
    Instant stored = clock.instant().truncatedTo(ChronoUnit.SECONDS);

    // Stored 10 minutes ago: due a tenth of that, 60 s, after its last count.
    countedAt(job, stored, stored.plus(Duration.ofMinutes(10)).minusSeconds(59));
    clock.set(stored.plus(Duration.ofMinutes(10)));
    refreshAll();
    assertThat(lastCounted(job)).isEqualTo(stored.plus(Duration.ofMinutes(10)).minusSeconds(59));
    clock.set(stored.plus(Duration.ofMinutes(10)).plusSeconds(2)); // 61 s since, due after 60.2
    refreshAll();
    assertThat(lastCounted(job)).isEqualTo(clock.instant());
    assertThat(sending(job)).as("counted: its three rows are sending").isEqualTo(3);

    // Stored 20 hours ago: a tenth would be 2 hours; an hour is the longest between counts.
    Instant later = stored.plus(Duration.ofHours(20));
    countedAt(job, stored, later.minus(Duration.ofMinutes(59)));
    clock.set(later);
    refreshAll();
    assertThat(lastCounted(job)).isEqualTo(later.minus(Duration.ofMinutes(59)));
    clock.set(later.plus(Duration.ofMinutes(1)));
    refreshAll();
    assertThat(lastCounted(job)).isEqualTo(clock.instant());

    // Its receipts came: counted once more with every row final, then never again.
    jdbc.sql("UPDATE notifications SET status = 'delivered' WHERE job_id = :job")
        .param("job", job)
        .update();
    clock.set(clock.instant().plus(Duration.ofHours(1)));
    refreshAll();
    Instant last = lastCounted(job);
    assertThat(last).isEqualTo(clock.instant());
    clock.set(clock.instant().plus(Duration.ofDays(2)));
    refreshAll();
    assertThat(lastCounted(job)).isEqualTo(last);
  }

  /** Runs the task until every job due is counted (other tests' jobs may be due as well). */
  private void refreshAll() {
    while (statistics.refresh() == JobStatistics.JOBS_PER_RUN) {
      // more may be due
    }
  }

  private UUID upload(UUID service) {
    return JobRows.upload(herald, service, 3);
  }

  /** Sets when the job's last row was stored and when it was last counted, not yet final. */
  private void countedAt(UUID job, Instant stored, Instant counted) {
    jdbc.sql(
            """
            UPDATE jobs SET processing_finished = :stored, statistics_at = :counted,
                            statistics_final = false
             WHERE id = :job
            """)
        .param("stored", Sql.ts(stored))
        .param("counted", Sql.ts(counted))
        .param("job", job)
        .update();
  }

  private Instant lastCounted(UUID job) {
    return jdbc.sql("SELECT statistics_at FROM jobs WHERE id = :job")
        .param("job", job)
        .query((rs, i) -> Sql.instant(rs, "statistics_at"))
        .single();
  }

  private int delivered(UUID job) {
    return jdbc.sql(
            "SELECT count(*) FROM notifications WHERE job_id = :job AND status = 'delivered'")
        .param("job", job)
        .query(Integer.class)
        .single();
  }

  private int sending(UUID job) {
    return jdbc.sql("SELECT count FROM job_statistics WHERE job_id = :job AND status = 'sending'")
        .param("job", job)
        .query(Integer.class)
        .optional()
        .orElse(0);
  }
}

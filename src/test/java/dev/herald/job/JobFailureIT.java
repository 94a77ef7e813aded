package dev.herald.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.limit.DailyLimiter;
import dev.herald.notification.PartitionMaintainer;
import dev.herald.service.ServiceRepository;
import dev.herald.testdata.ApiIT;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A job whose batch fails in the middle of its file, a fault injected by a trigger that refuses one
 * row: the batches before it are stored, the one in flight beside it rolls back, the job shows as
 * {@code error} (here after one failed run), and once the fault is gone the retried run resumes at
 * the failed batch and finishes, every row one notification, counted against the limit once.
 */
@TestPropertySource(
    properties = {
      "herald.jobs.batch-rows=" + JobFailureIT.BATCH,
      "herald.jobs.storing-threads=2",
      "herald.jobs.error-after-attempts=1"
    })
class JobFailureIT extends ApiIT {

  static final int BATCH = 50;
  private static final int ROWS = 500;

  /** The row the trigger refuses: in the sixth batch, so five are stored before it. */
  private static final int REFUSED = 275;

  @Autowired JdbcClient jdbc;
  @Autowired PartitionMaintainer partitions;
  @Autowired DailyLimiter limits;
  @Autowired ServiceRepository services;

  @AfterEach
  void removeFault() {
    jdbc.sql("DROP TRIGGER IF EXISTS refuse_one_row ON notifications").update();
    jdbc.sql("DROP FUNCTION IF EXISTS refuse_one_row()").update();
  }

  @Test
  void aBatchThatFailsStopsTheJobAtItsFirstRowAsErrorAndTheRetryFinishesIt() throws Exception {
    partitions.createAhead();
    UUID service = herald.liveService();
    UUID upload = JobRows.upload(herald, service, ROWS);
    long before = limits.remaining(services.find(service).orElseThrow(), "email");
    jdbc.sql(
            """
            CREATE FUNCTION refuse_one_row() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.job_row_number = %d THEN
                RAISE EXCEPTION 'fault injected by JobFailureIT';
              END IF;
              RETURN NEW;
            END $$
            """
                .formatted(REFUSED))
        .update();
    jdbc.sql(
            """
            CREATE TRIGGER refuse_one_row BEFORE INSERT ON notifications
               FOR EACH ROW EXECUTE FUNCTION refuse_one_row()
            """)
        .update();

    UUID job = herald.jobOf(service, Map.of("upload_id", upload.toString()));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> herald.jobStatus(service, job).equals(JobStatus.ERROR.value()));
    int firstOfFailedBatch = REFUSED / BATCH * BATCH;
    assertThat(JobRows.stored(jdbc, job))
        .containsEntry("rows", (long) firstOfFailedBatch)
        .containsEntry("distinct_rows", (long) firstOfFailedBatch)
        .containsEntry("last", firstOfFailedBatch - 1);
    assertThat(created(service, job)).isEqualTo(firstOfFailedBatch);

    removeFault();
    // The run is tried again 10 s after its failure.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> herald.jobStatus(service, job).equals(JobStatus.FINISHED_ALL_CREATED.value()));
    assertThat(JobRows.stored(jdbc, job))
        .containsEntry("rows", (long) ROWS)
        .containsEntry("distinct_rows", (long) ROWS)
        .containsEntry("first", 0)
        .containsEntry("last", ROWS - 1);
    assertThat(created(service, job)).isEqualTo(ROWS);
    assertThat(limits.remaining(services.find(service).orElseThrow(), "email"))
        .isEqualTo(before - ROWS);
  }

  private int created(UUID service, UUID job) {
    return herald
        .adminOk("GET", "/admin/services/" + service + "/jobs/" + job, null)
        .at("/data/notifications_created")
        .asInt();
  }
}

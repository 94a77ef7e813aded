package dev.herald.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.herald.HeraldApplication;
import dev.herald.limit.DailyLimiter;
import dev.herald.notification.PartitionMaintainer;
import dev.herald.service.ServiceRepository;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.MutableClock;
import dev.herald.testdata.TestClockConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Two Herald instances on one database, a scheduled job whose time comes on both at once: its
 * scheduler task and, beside it, a run started on each instance. Small batches, so that the runs
 * meet in the middle of the file.
 */
@TestPropertySource(properties = "herald.jobs.batch-rows=" + ScheduledJobAcrossInstancesIT.BATCH)
class ScheduledJobAcrossInstancesIT extends ApiIT {

  static final int BATCH = 50;
  private static final int ROWS = 1_000;
  private static final Instant T0 = Instant.parse("2026-03-10T09:00:00Z");

  @Autowired HikariDataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired PartitionMaintainer partitions;
  @Autowired JobProcessor processor;
  @Autowired DailyLimiter limits;
  @Autowired ServiceRepository services;

  private ConfigurableApplicationContext second;

  @BeforeEach
  void startSecondInstance() {
    second =
        new SpringApplicationBuilder(HeraldApplication.class, TestClockConfiguration.class)
            .run(
                "--server.port=0",
                "--herald.database-url=" + dataSource.getJdbcUrl(),
                "--herald.database-username=postgres",
                "--herald.data-dir=" + properties.dataDir(),
                "--herald.jobs.batch-rows=" + BATCH,
                "--spring.main.banner-mode=off");
  }

  @AfterEach
  void stopSecondInstance() {
    second.close();
  }

  @Test
  void aScheduledJobDueOnTwoInstancesMakesEachRowOneNotificationAndIsCountedOnce()
      throws Exception {
    MutableClock secondClock = second.getBean(MutableClock.class);
    clock.set(T0);
    secondClock.set(T0);
    partitions.createAhead();
    UUID service = herald.liveService();
    UUID upload = JobRows.upload(herald, service, ROWS);
    Instant sendAt = T0.plus(Duration.ofHours(1));
    UUID job =
        herald.jobOf(
            service, Map.of("upload_id", upload.toString(), "scheduled_for", sendAt.toString()));
    // Its task is due by the database's clock; both instances' clocks say not yet.
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> herald.jobStatus(service, job).equals("scheduled"));
    long before = limits.remaining(services.find(service).orElseThrow(), "email");

    clock.set(sendAt);
    secondClock.set(sendAt);
    JobProcessor other = second.getBean(JobProcessor.class);
    List<Callable<Void>> starts = List.of(run(processor, job), run(other, job));
    try (ExecutorService both = Executors.newFixedThreadPool(2)) {
      for (Future<Void> started : both.invokeAll(starts)) {
        started.get();
      }
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> herald.jobStatus(service, job).equals(JobStatus.FINISHED_ALL_CREATED.value()));

    Map<String, Object> stored = JobRows.stored(jdbc, job);
    assertThat(stored)
        .containsEntry("rows", (long) ROWS)
        .containsEntry("distinct_rows", (long) ROWS)
        .containsEntry("first", 0)
        .containsEntry("last", ROWS - 1);
    assertThat(
            herald
                .adminOk("GET", "/admin/services/" + service + "/jobs/" + job, null)
                .at("/data/notifications_created")
                .asInt())
        .isEqualTo(ROWS);
    // Started once: its rows were counted against the daily limit once.
    assertThat(limits.remaining(services.find(service).orElseThrow(), "email"))
        .isEqualTo(before - ROWS);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                jdbc.sql(
                            """
                            SELECT count(*) FROM scheduled_tasks
                             WHERE task_name = :task AND task_instance = :job
                            """)
                        .param("task", JobProcessor.TASK)
                        .param("job", job.toString())
                        .query(Long.class)
                        .single()
                    == 0);
  }

  private static Callable<Void> run(JobProcessor processor, UUID job) {
    return () -> {
      processor.process(job);
      return null;
    };
  }
}

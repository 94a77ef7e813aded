package dev.herald.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.files.ObjectStore;
import dev.herald.notification.PartitionMaintainer;
import dev.herald.service.DataRetention;
import dev.herald.support.Sql;
import dev.herald.testdata.ApiIT;
import dev.herald.testdata.Http;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The nightly removal of expired upload files, on the filesystem store (and on S3 in {@link
 * ExpiredUploadsOnS3IT}), on a settable clock.
 */
class ExpiredUploadsIT extends ApiIT {

  private static final Instant T0 = Instant.parse("2026-03-10T09:00:00Z");
  private static final Duration DONE = Duration.ofSeconds(60);
  private static final byte[] FILE =
      "email address,name\none@example.gov.uk,One\ntwo@example.gov.uk,Two\n"
          .getBytes(StandardCharsets.UTF_8);

  @Autowired ExpiredUploads expired;
  @Autowired ObjectStore store;
  @Autowired JdbcClient jdbc;
  @Autowired PartitionMaintainer partitions;
  @Autowired DataRetention retention;

  UUID service;
  UUID email;

  @BeforeEach
  void fixture() {
    clock.set(T0);
    partitions.createAhead();
    service = herald.liveService();
    email = herald.template(service, "email", "Hello", "Dear ((name))");
  }

  @Test
  void removesExpiredFilesAndArchivesTheirUploadsAndJobsWhichKeepTheirCounts() {
    UUID unsent = herald.validUpload(service, email, "people.csv", FILE);
    UUID sent = job(herald.validUpload(service, email, "people.csv", FILE), null);
    await().atMost(DONE).until(() -> herald.jobStatus(service, sent).equals(finished()));

    clock.set(T0.plus(Duration.ofDays(7)).minusSeconds(1));
    expired.run();
    assertThat(file(unsent)).isPresent();
    assertThat(file(sent)).isPresent();
    assertThat(archived(unsent)).isFalse();

    clock.set(T0.plus(Duration.ofDays(7)).plusSeconds(1));
    assertThat(expired.run()).isGreaterThanOrEqualTo(2);
    assertRemoved(unsent);
    assertRemoved(sent);
    JsonNode job = jobView(sent);
    assertThat(job.get("archived").asBoolean()).isTrue();
    assertThat(job.get("job_status").asString()).isEqualTo(finished());
    assertThat(job.get("notification_count").asInt()).isEqualTo(2);
    assertThat(job.get("notifications_created").asInt()).isEqualTo(2);

    assertThat(expired.run()).isZero();
    assertRemoved(unsent);
    assertThat(jobView(sent)).isEqualTo(job);

    // Archived, it is not made a job even on a clock set back before its expiry.
    clock.set(T0);
    Http.Response refused =
        herald.admin(
            "POST", "/admin/services/" + service + "/jobs", Map.of("upload_id", unsent.toString()));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().at("/errors/0/message").asString())
        .isEqualTo("File is not valid, can't create job");
  }

  @Test
  void keepsAScheduledJobsFileUntilItIsSent() {
    retention.set(service, "email", 3, T0);
    UUID upload = herald.validUpload(service, email, "people.csv", FILE);
    Instant sendAt = T0.plus(Duration.ofDays(5));
    UUID job = job(upload, sendAt);

    // Past the upload's own three days: kept for three days from its sending.
    clock.set(T0.plus(Duration.ofDays(4)));
    expired.run();
    assertThat(file(upload)).isPresent();
    assertThat(archived(upload)).isFalse();

    // Whatever its expiry says, a job still to send keeps its file.
    jdbc.sql("UPDATE uploads SET expires_at = :past WHERE id = :id")
        .param("past", Sql.ts(T0.plus(Duration.ofDays(1))))
        .param("id", upload)
        .update();
    expired.run();
    assertThat(file(upload)).isPresent();
    assertThat(archived(upload)).isFalse();

    clock.set(sendAt);
    partitions.createAhead();
    await().atMost(DONE).until(() -> herald.jobStatus(service, job).equals(finished()));
    assertThat(
            jdbc.sql("SELECT count(*) FROM notifications WHERE job_id = :job")
                .param("job", job)
                .query(Long.class)
                .single())
        .isEqualTo(2);
    expired.run();
    assertRemoved(upload);
    assertThat(jobView(job).get("archived").asBoolean()).isTrue();
  }

  @Test
  void twoRunsAtOnceRemoveEachFileOnce() throws Exception {
    List<UUID> uploads = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      uploads.add(herald.validUpload(service, email, "people.csv", FILE));
    }
    clock.set(T0.plus(Duration.ofDays(8)));
    long expiredNow =
        jdbc.sql("SELECT count(*) FROM uploads WHERE NOT archived AND expires_at < :now")
            .param("now", Sql.ts(clock.instant()))
            .query(Long.class)
            .single();

    int removed = 0;
    try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
      List<Future<Integer>> runs = pool.invokeAll(List.of(expired::run, expired::run));
      for (Future<Integer> run : runs) {
        removed += run.get();
      }
    }

    assertThat(removed).isEqualTo(expiredNow).isGreaterThanOrEqualTo(uploads.size());
    uploads.forEach(this::assertRemoved);
    assertThat(expired.run()).isZero();
  }

  private UUID job(UUID upload, Instant scheduledFor) {
    Map<String, Object> body = new HashMap<>(Map.of("upload_id", upload.toString()));
    if (scheduledFor != null) {
      body.put("scheduled_for", scheduledFor.toString());
    }
    return UUID.fromString(
        herald
            .adminOk("POST", "/admin/services/" + service + "/jobs", body)
            .at("/data/id")
            .asString());
  }

  private static String finished() {
    return JobStatus.FINISHED_ALL_CREATED.value();
  }

  private JsonNode jobView(UUID job) {
    return herald.adminOk("GET", "/admin/services/" + service + "/jobs/" + job, null).get("data");
  }

  private Optional<byte[]> file(UUID upload) {
    return store.get("uploads/" + service + "/" + upload);
  }

  private boolean archived(UUID upload) {
    return jdbc.sql("SELECT archived FROM uploads WHERE id = :id")
        .param("id", upload)
        .query(Boolean.class)
        .single();
  }

  private void assertRemoved(UUID upload) {
    assertThat(file(upload)).as("file of %s", upload).isEmpty();
    assertThat(archived(upload)).as("upload %s archived", upload).isTrue();
  }
}

package dev.herald.bench;

import dev.herald.support.Sql;
import dev.herald.testdata.Herald;
import dev.herald.testdata.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One job measured through the admin API: the file uploaded and checked ({@code POST …/uploads}),
 * then {@code POST …/jobs} at t0 and the job polled in the database every 200 ms until it is {@code
 * finished all notifications created}; the heap sampled from t0 until then. The last row's time is
 * the job's {@code processing_finished}, written in the transaction of its last batch (Herald's
 * clock is the system's).
 */
final class JobMeasurement {

  /** A job's figures; the heap's are the most in use, and the most after a collection. */
  record Figures(
      String file,
      int rows,
      long fileBytes,
      double uploadSeconds,
      long uploadHeapMb,
      long uploadAfterGcMb,
      double startSeconds,
      double lastRowSeconds,
      long heapMb,
      long afterGcMb,
      UUID jobId,
      Instant posted) {

    double perSecond() {
      return rows / lastRowSeconds;
    }
  }

  /** The job's service and template. */
  record Target(UUID service, UUID template, int version) {}

  /** An upload checked and kept: its id, the file's size, the time and the heap meanwhile. */
  record Uploaded(
      String id, String name, int rows, long bytes, double seconds, long heapMb, long afterGcMb) {}

  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration LIMIT = Duration.ofMinutes(30);

  private JobMeasurement() {}

  /** Measures the job of an upload, from its {@code POST} to its last row stored. */
  static Figures measure(Herald herald, JdbcClient jdbc, Target target, Uploaded uploaded)
      throws InterruptedException {
    int rows = uploaded.rows();
    try (HeapSampler heap = new HeapSampler()) {
      Instant posted = Instant.now();
      UUID job =
          UUID.fromString(
              herald
                  .adminOk(
                      "POST",
                      "/admin/services/" + target.service() + "/jobs",
                      Map.of("upload_id", uploaded.id()))
                  .at("/data/id")
                  .asString());
      Progress done = awaitFinished(jdbc, job);
      heap.close();
      long stored =
          jdbc.sql("SELECT count(*) FROM notifications WHERE job_id = :job")
              .param("job", job)
              .query(Long.class)
              .single();
      if (stored != rows || done.rowsDone() != rows) {
        throw new IllegalStateException(
            "the job stored " + stored + " notifications (rows_done " + done.rowsDone() + ")");
      }
      return new Figures(
          uploaded.name(),
          rows,
          uploaded.bytes(),
          uploaded.seconds(),
          uploaded.heapMb(),
          uploaded.afterGcMb(),
          seconds(posted, done.started()),
          seconds(posted, done.finished()),
          heap.peakUsedMb(),
          heap.peakAfterGcMb(),
          job,
          posted);
    }
  }

  /**
   * Uploads a file of {@code rows} rows through the admin API, timed from the request to its
   * answer. The caller passes the file made in the call, so that nothing holds it once uploaded.
   */
  static Uploaded upload(Herald herald, Target target, String name, byte[] file, int rows) {
    HeapSampler heap = new HeapSampler();
    long began = System.nanoTime();
    Http.Response upload = herald.upload(target.service(), target.template(), name, file);
    double seconds = RetentionBenchmark.seconds(began);
    heap.close();
    if (upload.status() != 201
        || !upload.json().at("/data/valid").asBoolean()
        || upload.json().at("/data/row_count").asInt() != rows) {
      throw new IllegalStateException("upload refused: " + upload.status() + " " + upload.body());
    }
    return new Uploaded(
        upload.json().at("/data/id").asString(),
        name,
        rows,
        file.length,
        seconds,
        heap.peakUsedMb(),
        heap.peakAfterGcMb());
  }

  private record Progress(String status, int rowsDone, Instant started, Instant finished) {}

  private static Progress awaitFinished(JdbcClient jdbc, UUID job) throws InterruptedException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      Progress progress =
          jdbc.sql(
                  """
                  SELECT job_status, rows_done, processing_started, processing_finished
                    FROM jobs WHERE id = :job
                  """)
              .param("job", job)
              .query(
                  (rs, i) ->
                      new Progress(
                          rs.getString("job_status"),
                          rs.getInt("rows_done"),
                          Sql.instant(rs, "processing_started"),
                          Sql.instant(rs, "processing_finished")))
              .single();
      switch (progress.status()) {
        case "finished all notifications created" -> {
          return progress;
        }
        case "pending", "in progress" -> Thread.sleep(POLL);
        default -> throw new IllegalStateException("the job is " + progress.status());
      }
    }
    throw new IllegalStateException("the job was not finished in " + LIMIT);
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1e9;
  }
}

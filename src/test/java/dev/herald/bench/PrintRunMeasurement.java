package dev.herald.bench;

import dev.herald.print.PrintRuns;
import dev.herald.support.Sql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One print run measured: {@link PrintRuns#run} called at t0 (the deadline, as the daily task calls
 * it), then the run's batches handed over by the {@code print-batch} tasks until every one is sent
 * (its letters {@code sending}, the outbox's {@code delivered}); the heap sampled meanwhile. The
 * last hand-over's time is the letters' latest {@code sent_at} (Herald's clock is the system's).
 */
final class PrintRunMeasurement {

  /** A run's figures; {@code zips} and {@code zipBytes} are what reached the SFTP server. */
  record Figures(
      String provider,
      long letters,
      int batches,
      double runSeconds,
      double lastSeconds,
      long peakHeapMb,
      long peakAfterGcMb,
      int zips,
      long zipBytes) {

    double perSecond() {
      return letters / lastSeconds;
    }
  }

  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration LIMIT = Duration.ofMinutes(30);

  private PrintRunMeasurement() {}

  /** Measures the run of {@code made}'s day; {@code uploads} is the SFTP server's batch folder. */
  static Figures measure(
      ConfigurableApplicationContext context,
      JdbcClient jdbc,
      PrintRunLetters.Made made,
      String provider,
      String handedOver,
      Path uploads)
      throws Exception {
    PrintRuns runs = context.getBean(PrintRuns.class);
    HeapSampler heap = new HeapSampler();
    Instant t0 = Instant.now();
    long began = System.nanoTime();
    PrintRuns.Summary summary = runs.run(made.runDay()).orElseThrow();
    double runSeconds = RetentionBenchmark.seconds(began);
    awaitBatches(jdbc, summary);
    heap.close();
    Letters letters = letters(jdbc, made, handedOver);
    if (letters.handed() != made.letters() || summary.letters() != made.letters()) {
      throw new IllegalStateException(
          "the run took " + summary.letters() + " of " + made.letters() + ": " + letters);
    }
    List<Path> zips = zips(uploads);
    long bytes = 0;
    for (Path zip : zips) {
      bytes += Files.size(zip);
    }
    return new Figures(
        provider,
        letters.handed(),
        summary.batches(),
        runSeconds,
        Duration.between(t0, letters.last()).toNanos() / 1e9,
        heap.peakUsedMb(),
        heap.peakAfterGcMb(),
        zips.size(),
        bytes);
  }

  /** Polls the run's batches (a few hundred rows, not its letters) until every one is sent. */
  private static void awaitBatches(JdbcClient jdbc, PrintRuns.Summary summary)
      throws InterruptedException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      Map<String, Object> counts =
          jdbc.sql(
                  """
                  SELECT count(*) FILTER (WHERE status = 'sent') AS sent,
                         count(*) FILTER (WHERE status = 'failed') AS failed
                    FROM print_batches WHERE run_id = :run
                  """)
              .param("run", summary.runId())
              .query()
              .singleRow();
      if (((Number) counts.get("failed")).longValue() > 0) {
        throw new IllegalStateException("batches refused for good: " + counts);
      }
      if (((Number) counts.get("sent")).longValue() == summary.batches()) {
        return;
      }
      Thread.sleep(POLL);
    }
    throw new IllegalStateException("the run's batches were not all sent in " + LIMIT);
  }

  /** The run's letters handed over and failed, and the latest hand-over. */
  private record Letters(long handed, long failed, Instant last) {}

  private static Letters letters(JdbcClient jdbc, PrintRunLetters.Made made, String handedOver) {
    return jdbc.sql(
            """
            SELECT count(*) FILTER (WHERE status = :handedOver) AS handed,
                   count(*) FILTER (WHERE status = 'technical-failure') AS failed,
                   max(sent_at) AS last
              FROM notifications
             WHERE service_id = :service AND key_type = 'normal' AND notification_type = 'letter'
               AND created_at < :deadline
            """)
        .param("handedOver", handedOver)
        .param("service", made.service())
        .param("deadline", Sql.ts(made.deadline()))
        .query(
            (rs, i) ->
                new Letters(rs.getLong("handed"), rs.getLong("failed"), Sql.instant(rs, "last")))
        .single();
  }

  /** The ZIPs uploaded to the folder, none when it is not there. */
  static List<Path> zips(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".ZIP")).toList();
    }
  }
}

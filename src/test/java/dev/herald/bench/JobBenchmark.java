package dev.herald.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.herald.notification.NotificationRepository;
import dev.herald.support.Sql;
import dev.herald.testdata.Herald;
import dev.herald.testdata.Http;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bulk-job benchmark (docs/benchmarks.md, Bulk jobs): in a Herald of its own on a durable
 * embedded PostgreSQL, with its default outbox providers, an XLSX job of {@code --xlsx-rows} and
 * then a CSV job of {@code --rows} email rows, each uploaded and sent through the admin API: upload
 * and check time, {@code POST …/jobs} → last row stored, rows a second and the heap, beside {@code
 * COPY} of as many rows into a plain table shaped like {@code notifications} on the same database.
 * While the CSV job's rows are stored and delivered, another service sends through {@code POST
 * /v2/notifications/email} at {@code --api-rate} a second: their created → sending.
 */
public final class JobBenchmark {

  private static final String USAGE =
      "--rows=1000000 --xlsx-rows=100000 --runs=1 --api-rate=100 --drain-timeout=1800"
          + " --statements=false --postgres=name=value,...";

  /** The email outbox's provider name (Herald's default configuration). */
  private static final String OUTBOX = "outbox";

  private JobBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = BenchOptions.parse(args, USAGE);
    int rows = Integer.parseInt(options.getOrDefault("rows", "1000000"));
    int xlsxRows = Integer.parseInt(options.getOrDefault("xlsx-rows", "100000"));
    int runs = Integer.parseInt(options.getOrDefault("runs", "1"));
    int apiRate = Integer.parseInt(options.getOrDefault("api-rate", "100"));
    Duration drain =
        Duration.ofSeconds(Long.parseLong(options.getOrDefault("drain-timeout", "1800")));
    Load.printMachine();
    CpuCalibration calibration = CpuCalibration.measureAndPrint();
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    boolean statements = Boolean.parseBoolean(options.getOrDefault("statements", "false"));
    Map<String, String> server = new java.util.HashMap<>();
    if (statements) {
      server.putAll(StatementStats.SERVER_SETTINGS);
    }
    for (String setting : options.getOrDefault("postgres", "").split(",")) {
      if (!setting.isBlank()) {
        server.put(
            setting.substring(0, setting.indexOf('=')),
            setting.substring(setting.indexOf('=') + 1));
      }
    }
    boolean once = true;
    for (int run = 1; run <= runs; run++) {
      System.out.printf(
          "%n== Run %d: XLSX job of %,d rows, then CSV job of %,d rows with API sends at %d/s ==%n",
          run, xlsxRows, rows, apiRate);
      once &= measure(run, rows, xlsxRows, apiRate, drain, statements, server, calibration);
    }
    System.out.println(calibration.line());
    System.out.println(Load.now());
    System.exit(once ? 0 : 1);
  }

  /** Measures one run; answers whether every notification reached the outbox exactly once. */
  private static boolean measure(
      int run,
      int rows,
      int xlsxRows,
      int apiRate,
      Duration drain,
      boolean statements,
      Map<String, String> server,
      CpuCalibration calibration)
      throws Exception {
    Path dataDir = Files.createTempDirectory("herald-job-bench");
    CountedProviders counted = new CountedProviders();
    try (EmbeddedPostgres postgres = BenchDatabase.durablePostgres(dataDir, server);
        ConfigurableApplicationContext context =
            HeraldInProcess.start(
                dataDir,
                postgres,
                Map.of(),
                ctx -> ctx.getBeanFactory().addBeanPostProcessor(counted))) {
      HikariDataSource pool = context.getBean(HikariDataSource.class);
      JdbcClient jdbc = JdbcClient.create(pool);
      BenchDatabase.printMachine(jdbc);
      int port = HeraldInProcess.port(context);
      Herald herald = new Herald(new Http(port), dataDir);
      JobMeasurement.Target bulk = bulkService(herald, jdbc);
      BenchService api = BenchService.create(herald);

      JobMeasurement.Figures xlsx =
          JobMeasurement.measure(
              herald,
              jdbc,
              bulk,
              JobMeasurement.upload(
                  herald, bulk, "people.xlsx", JobSheets.xlsx(xlsxRows), xlsxRows));
      Duration xlsxDrain = Backlog.awaitDrained(jdbc, drain);
      CopyBaseline.Figures xlsxCopy =
          CopyBaseline.copy(pool, bulk.service(), bulk.template(), bulk.version(), xlsxRows);
      JobReport.printJob(run, xlsx, xlsxDrain, xlsxCopy, calibration);

      JobMeasurement.Uploaded upload =
          JobMeasurement.upload(herald, bulk, "people.csv", JobSheets.csv(rows), rows);
      JobMeasurement.Figures job;
      ApiDuringJob sends;
      Duration bulkDrain;
      Optional<StatementStats> stats =
          statements ? Optional.of(StatementStats.install(jdbc)) : Optional.empty();
      stats.ifPresent(StatementStats::reset);
      try (PacedSends paced = new PacedSends(api.sends("http://localhost:" + port), apiRate)) {
        Instant apiFrom = Instant.now();
        Wal walBefore = Wal.read(jdbc);
        job = JobMeasurement.measure(herald, jdbc, bulk, upload);
        System.out.printf("run %d, people.csv: %s%n", run, Wal.read(jdbc).since(walBefore, rows));
        stats.ifPresent(s -> s.print("POST …/jobs → last row stored", rows, 12));
        bulkDrain = awaitBulkDelivered(jdbc, drain);
        paced.close();
        sends = ApiDuringJob.read(jdbc, api.id(), apiFrom, paced, job);
      }
      Duration csvDrain = bulkDrain.plus(Backlog.awaitDrained(jdbc, drain));
      CopyBaseline.Figures csvCopy =
          CopyBaseline.copy(pool, bulk.service(), bulk.template(), bulk.version(), rows);
      JobReport.printJob(run, job, csvDrain, csvCopy, calibration);
      JobReport.printApi(run, sends);
      ExactlyOnce once =
          new ExactlyOnce(
              xlsxRows + rows + sends.accepted(),
              OUTBOX,
              counted.notifications(),
              counted.calls(),
              ExactlyOnce.recorded(jdbc, bulk.service(), OUTBOX)
                  + ExactlyOnce.recorded(jdbc, api.id(), OUTBOX));
      System.out.printf("run %d, %s%n", run, once.line("job rows and API sends"));
      return once.holds();
    } finally {
      RetentionBenchmark.deleteTree(dataDir);
    }
  }

  /**
   * The API's notifications made while the job was stored and delivered, and their times; {@code
   * jobDeliveredSeconds} is from the job's {@code POST} to its last row handed over.
   */
  record ApiDuringJob(
      long accepted, long failed, double jobDeliveredSeconds, DeliveryFigures figures) {

    static ApiDuringJob read(
        JdbcClient jdbc, UUID service, Instant from, PacedSends paced, JobMeasurement.Figures job)
        throws InterruptedException {
      Backlog.awaitDrained(jdbc, Duration.ofMinutes(5));
      Instant lastSent =
          jdbc.sql("SELECT max(sent_at) AS last FROM notifications WHERE job_id = :job")
              .param("job", job.jobId())
              .query((rs, i) -> Sql.instant(rs, "last"))
              .single();
      return new ApiDuringJob(
          paced.accepted(),
          paced.failed(),
          Duration.between(job.posted(), lastSent).toNanos() / 1e9,
          DeliveryFigures.read(jdbc, service, from, Instant.now()));
    }
  }

  /** Waits until no bulk row is left in the queue (the job is handed over); answers how long. */
  private static Duration awaitBulkDelivered(JdbcClient jdbc, Duration timeout)
      throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (jdbc.sql("SELECT count(*) FROM delivery_queue WHERE priority = :bulk")
            .param("bulk", NotificationRepository.PRIORITY_BULK)
            .query(Long.class)
            .single()
        > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the job's rows not all handed over after " + timeout);
      }
      Thread.sleep(1000);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static JobMeasurement.Target bulkService(Herald herald, JdbcClient jdbc) {
    BenchService made = BenchService.create(herald);
    UUID template = herald.template(made.id(), "email", JobSheets.SUBJECT, JobSheets.CONTENT);
    int version =
        jdbc.sql("SELECT version FROM templates WHERE id = :id")
            .param("id", template)
            .query(Integer.class)
            .single();
    return new JobMeasurement.Target(made.id(), template, version);
  }

  /** PostgreSQL's WAL and checkpoints so far (pg_stat_wal, pg_stat_checkpointer: 17 and later). */
  private record Wal(long records, long fullPages, long bytes, long checkpoints) {

    static Wal read(JdbcClient jdbc) {
      return jdbc.sql(
              """
              SELECT w.wal_records, w.wal_fpi, w.wal_bytes, c.num_timed + c.num_requested AS points
                FROM pg_stat_wal w, pg_stat_checkpointer c
              """)
          .query(
              (rs, i) ->
                  new Wal(
                      rs.getLong("wal_records"),
                      rs.getLong("wal_fpi"),
                      rs.getLong("wal_bytes"),
                      rs.getLong("points")))
          .single();
    }

    /** {@code WAL while the rows were stored: 2,750 bytes and 16.3 records a row, …}. */
    String since(Wal before, int rows) {
      return String.format(
          "WAL while the rows were stored: %,.0f bytes and %.1f records a row (all the database's"
              + " writes, the delivery's and the API's among them), %,d full-page images, %d"
              + " checkpoints",
          (double) (bytes - before.bytes) / rows,
          (double) (records - before.records) / rows,
          fullPages - before.fullPages,
          checkpoints - before.checkpoints);
    }
  }
}

package dev.herald.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.herald.support.Timestamps;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention benchmark: generated history (DataGenerator) in Herald's schema and, from the very
 * same rows, in Notify's; Herald's nightly retention (the real {@code PersonalDataRetention} bean)
 * run while clients keep sending, then Notify's batched move-to-history on its copy, each followed
 * by the VACUUM it leaves behind. See docs/benchmarks.md.
 */
public final class RetentionBenchmark {

  /** Server settings for tens of millions of rows; the rest as in the other benchmarks. */
  static final Map<String, String> PG =
      Map.of("shared_buffers", "512MB", "max_wal_size", "4GB", "maintenance_work_mem", "256MB");

  private RetentionBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options =
        BenchOptions.parse(
            args,
            "--rows=10000000 --seed=1 --threads=2 --newest-days-ago=5 --clients=8 --seconds=10"
                + " --warmup=10");
    long rows = Long.parseLong(options.getOrDefault("rows", "10000000"));
    long seed = Long.parseLong(options.getOrDefault("seed", "1"));
    int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
    int newestDaysAgo = Integer.parseInt(options.getOrDefault("newest-days-ago", "5"));
    Intake intake =
        new Intake(
            Integer.parseInt(options.getOrDefault("clients", "8")),
            Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "10"))),
            Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "10"))));
    Path dataDir = Files.createTempDirectory("herald-retention");
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    try (EmbeddedPostgres postgres = BenchDatabase.durablePostgres(dataDir, PG);
        ConfigurableApplicationContext context =
            HeraldInProcess.start(dataDir, postgres, Map.of())) {
      HikariDataSource pool = context.getBean(HikariDataSource.class);
      JdbcClient jdbc = JdbcClient.create(pool);
      BenchDatabase.printMachine(jdbc);
      System.out.println("postgres settings: " + PG + "\n");
      CpuCalibration calibration = CpuCalibration.measureAndPrint();
      LocalDate today = Timestamps.londonDate(Instant.now());
      DataGenerator.generate(pool, rows, seed, threads, today.minusDays(newestDaysAgo));
      // Storage parameters go on the partitions: a partitioned table has none of its own.
      jdbc.sql("ALTER TABLE notifications_live SET (autovacuum_enabled = false)").update();
      jdbc.sql("ALTER TABLE notifications_test SET (autovacuum_enabled = false)").update();
      long shape = System.nanoTime();
      NotifyShape.build(jdbc);
      jdbc.sql("CHECKPOINT").update();
      System.out.printf(
          "Notify-shaped copy of the same rows (tables, indexes, ANALYZE): %.1f s%n%n",
          seconds(shape));
      intake.start(context, dataDir);
      RetentionFigures.Herald herald = runHerald(context, jdbc, intake, today);
      jdbc.sql("CHECKPOINT").update();
      RetentionFigures.Notify notify = runNotify(pool, jdbc, today);
      RetentionFigures.print(rows, intake.clients(), herald, notify, calibration);
    } finally {
      deleteTree(dataDir);
    }
    System.exit(0);
  }

  private static RetentionFigures.Herald runHerald(
      ConfigurableApplicationContext context, JdbcClient jdbc, Intake intake, LocalDate today)
      throws Exception {
    RetentionChecks.Counts before = RetentionChecks.herald(jdbc, today);
    Phase.Result quiet = intake.measure("quiet");
    Object retention = context.getBean("personalDataRetention");
    Method run = retention.getClass().getDeclaredMethod("run");
    run.setAccessible(true);
    Intake.During during = intake.during(() -> run.invoke(retention));
    long vacuum = System.nanoTime();
    // The table retention left dead rows in: notifications_live has none (its first VACUUM,
    // setting the visibility map of ten million rows, is not retention's).
    jdbc.sql("VACUUM notifications_test").update();
    double vacuumSeconds = seconds(vacuum);
    RetentionChecks.Counts after = RetentionChecks.herald(jdbc, today);
    return new RetentionFigures.Herald(
        before, after, during.seconds(), vacuumSeconds, during.outcome(), quiet, during.result());
  }

  private static RetentionFigures.Notify runNotify(
      HikariDataSource pool, JdbcClient jdbc, LocalDate today) {
    long expiredBefore = RetentionChecks.notifyExpired(jdbc, today);
    long began = System.nanoTime();
    NotifyRetention.Outcome outcome =
        new NotifyRetention(jdbc, new TransactionTemplate(new DataSourceTransactionManager(pool)))
            .run(today);
    double runSeconds = seconds(began);
    long vacuum = System.nanoTime();
    jdbc.sql("VACUUM notify.notifications").update();
    double vacuumSeconds = seconds(vacuum);
    long expiredAfter = RetentionChecks.notifyExpired(jdbc, today);
    long inFlightLetters = RetentionChecks.notifyLettersKept(jdbc, today);
    return new RetentionFigures.Notify(
        expiredBefore, expiredAfter, inFlightLetters, runSeconds, vacuumSeconds, outcome);
  }

  static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

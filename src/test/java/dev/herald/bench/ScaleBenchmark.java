package dev.herald.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.herald.bench.SearchBench.SizedService;
import dev.herald.notification.NotificationRepository;
import dev.herald.support.Timestamps;
import dev.herald.testdata.Herald;
import dev.herald.testdata.Http;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scale benchmark: generated notifications in Herald's schema (DataGenerator, services of
 * skewed sizes), then, each with a baseline measured in the same run, the fact tables for one
 * London day holding {@code --day-rows} of them, the admin search, and the v2 list. See
 * docs/benchmarks.md.
 */
public final class ScaleBenchmark {

  private ScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options =
        BenchOptions.parse(
            args,
            "--rows=10000000 --day-rows=<rows/5> --seed=1 --threads=2 --history-ends-days-ago=12"
                + " --per-kind=20 --shared-buffers=512MB --pg-log=<directory, off>");
    long rows = Long.parseLong(options.getOrDefault("rows", "10000000"));
    long dayRows = Long.parseLong(options.getOrDefault("day-rows", String.valueOf(rows / 5)));
    long seed = Long.parseLong(options.getOrDefault("seed", "1"));
    int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
    int endsAgo = Integer.parseInt(options.getOrDefault("history-ends-days-ago", "12"));
    int perKind = Integer.parseInt(options.getOrDefault("per-kind", "20"));
    Map<String, String> postgresSettings = new java.util.HashMap<>(RetentionBenchmark.PG);
    postgresSettings.put("shared_buffers", options.getOrDefault("shared-buffers", "512MB"));
    if (options.containsKey("pg-log")) {
      postgresSettings.putAll(serverLog(Path.of(options.get("pg-log")).toAbsolutePath()));
    }
    String adminToken = UUID.randomUUID().toString();
    Path dataDir = Files.createTempDirectory("herald-scale");
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    try (EmbeddedPostgres postgres = BenchDatabase.durablePostgres(dataDir, postgresSettings);
        ConfigurableApplicationContext context =
            HeraldInProcess.start(dataDir, postgres, Map.of("herald.admin-token", adminToken))) {
      HikariDataSource pool = context.getBean(HikariDataSource.class);
      JdbcClient jdbc = JdbcClient.create(pool);
      BenchDatabase.printMachine(jdbc);
      System.out.println(
          "postgres settings (as the server reports them): "
              + BenchDatabase.settings(jdbc, postgresSettings.keySet())
              + "\n"
              + Load.now());
      CpuCalibration calibration = CpuCalibration.measureAndPrint();
      LocalDate yesterday = Timestamps.londonDate(Instant.now()).minusDays(1);
      LocalDate historyEnd = yesterday.plusDays(1).minusDays(endsAgo);
      DataGenerator.generate(
          pool,
          seed,
          threads,
          true,
          List.of(
              new DataGenerator.Span(
                  0, rows - dayRows, historyEnd.minusDays(DataGenerator.DAYS - 1), historyEnd),
              new DataGenerator.Span(rows - dayRows, dayRows, yesterday, yesterday)));
      long vacuum = System.nanoTime();
      jdbc.sql("VACUUM ANALYZE notifications").update();
      jdbc.sql("VACUUM ANALYZE notification_personal_data").update();
      System.out.printf(
          "VACUUM ANALYZE, as autovacuum leaves tables in use: %.1f s%n",
          RetentionBenchmark.seconds(vacuum));

      new AggregationBench(
              context,
              jdbc,
              new TransactionTemplate(new DataSourceTransactionManager(pool)),
              yesterday)
          .run(calibration);

      List<SizedService> services = services(jdbc);
      BenchHttp http = new BenchHttp("http://localhost:" + HeraldInProcess.port(context));
      new SearchBench(context, jdbc, http, "Bearer " + adminToken, perKind)
          .run(services, calibration);

      Herald herald = new Herald(new Http(HeraldInProcess.port(context)), adminToken);
      Map<SizedService, String> keys = new LinkedHashMap<>();
      services.forEach(s -> keys.put(s, herald.key(s.id(), "normal")));
      new ListBench(context.getBean(NotificationRepository.class), http, perKind)
          .run(keys, calibration);
    } finally {
      RetentionBenchmark.deleteTree(dataDir);
    }
    System.exit(0);
  }

  /**
   * The server's log in {@code dir}, with what can stall a request: checkpoints, autovacuum and
   * autoanalyze runs, temporary files, lock waits and statements over 100 ms (the default line
   * prefix stamps each with its time).
   */
  private static Map<String, String> serverLog(Path dir) throws Exception {
    Files.createDirectories(dir);
    return Map.of(
        "logging_collector", "on",
        "log_directory", dir.toString(),
        "log_checkpoints", "on",
        "log_autovacuum_min_duration", "0",
        "log_temp_files", "0",
        "log_lock_waits", "on",
        "log_min_duration_statement", "100");
  }

  /** The largest service, the median one and the smallest, by notifications. */
  private static List<SizedService> services(JdbcClient jdbc) {
    List<Object[]> counts =
        jdbc.sql(
                """
                SELECT service_id, count(*) FROM notifications GROUP BY service_id
                 ORDER BY count(*) DESC
                """)
            .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getLong(2)})
            .list();
    List<SizedService> picked =
        List.of(
            sized(counts.getFirst(), "largest service"),
            sized(counts.get(counts.size() / 2), "median service"),
            sized(counts.getLast(), "smallest service"));
    picked.forEach(s -> System.out.printf("%s: %,d notifications%n", s.label(), s.rows()));
    return picked;
  }

  private static SizedService sized(Object[] count, String label) {
    long rows = (long) count[1];
    return new SizedService(
        (UUID) count[0], rows, String.format("%s (%,d notifications)", label, rows));
  }
}

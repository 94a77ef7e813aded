package dev.herald.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.herald.testdata.Herald;
import dev.herald.testdata.Http;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The intake benchmark: N clients POST /v2/notifications/email (or /sms) for a fixed time against
 * Herald started in this JVM with its default configuration, then N threads do raw single-row
 * INSERTs into the same PostgreSQL for the same time, and the two rates are compared. See
 * docs/benchmarks.md.
 */
public final class IntakeBenchmark {

  private IntakeBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options =
        BenchOptions.parse(
            args,
            "--type=email|sms --clients=16,64 --seconds=20 --warmup=5 --durable=true|false"
                + " --statements=false");
    BenchType type = BenchType.of(options);
    int[] clients =
        Arrays.stream(options.getOrDefault("clients", "16,64").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    Duration time = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "20")));
    Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "5")));
    boolean durable = Boolean.parseBoolean(options.getOrDefault("durable", "true"));
    boolean statements = Boolean.parseBoolean(options.getOrDefault("statements", "false"));
    BenchConfiguration configuration =
        new BenchConfiguration(
            type,
            "outbox providers (Herald's default)",
            options.getOrDefault("clients", "16,64"),
            durable ? "durable database" : "Herald's own embedded database",
            Map.of());
    Path dataDir = Files.createTempDirectory("herald-bench");
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    try (EmbeddedPostgres postgres =
            durable
                ? BenchDatabase.durablePostgres(
                    dataDir, statements ? StatementStats.SERVER_SETTINGS : Map.of())
                : null;
        ConfigurableApplicationContext context =
            HeraldInProcess.start(dataDir, postgres, configuration.settings())) {
      System.out.println(configuration.line());
      run(context, dataDir, configuration, clients, time, warmup, statements && durable);
    }
    System.exit(0);
  }

  private static void run(
      ConfigurableApplicationContext context,
      Path dataDir,
      BenchConfiguration configuration,
      int[] clients,
      Duration time,
      Duration warmup,
      boolean statements)
      throws Exception {
    HikariDataSource pool = context.getBean(HikariDataSource.class);
    MeterRegistry meters = context.getBean(MeterRegistry.class);
    JdbcClient jdbc = JdbcClient.create(pool);
    int port = HeraldInProcess.port(context);
    String root = "http://localhost:" + port;
    Herald herald = new Herald(new Http(port), dataDir);
    BenchService service = BenchService.create(herald, configuration.type());
    SendRequests sends = service.sends(root);
    long postmaster = BenchDatabase.postmasterPid(dataDir);
    BenchDatabase.printMachine(jdbc);
    CpuCalibration calibration = CpuCalibration.measureAndPrint();
    System.out.printf("warm-up: %d clients for %d s%n", clients[0], warmup.toSeconds());
    Phase.run("warmup", clients[0], warmup, sends);
    List<String> rows = new ArrayList<>();
    List<String> calibrated = new ArrayList<>();
    Optional<StatementStats> stats =
        statements ? Optional.of(StatementStats.install(jdbc)) : Optional.empty();
    for (int n : clients) {
      stats.ifPresent(StatementStats::reset);
      long tasksBefore = scheduledTasksInserted(jdbc);
      GroupCommitFigures commitsBefore = GroupCommitFigures.take(meters);
      Measured herald1 = Measured.of("herald", n, time, sends, jdbc, postmaster);
      GroupCommitFigures.take(meters).minus(commitsBefore).print(n + " clients");
      long accepted = herald1.result().ok();
      System.out.printf(
          "%d clients: db-scheduler tasks inserted per accepted notification: %.3f%n",
          n, (scheduledTasksInserted(jdbc) - tasksBefore) / (double) Math.max(1, accepted));
      stats.ifPresent(s -> s.print(n + " clients", accepted, 12));
      try (InsertBaseline baseline = new InsertBaseline(pool, n)) {
        Measured insert = Measured.of("insert", n, time, baseline, jdbc, postmaster);
        rows.add(Report.row(n, herald1, insert));
        calibrated.add(
            calibration.rate(
                configuration.withClients(n).subject("accepted (201)"),
                herald1.result().perSecond(),
                "inserts (DB baseline)",
                insert.result().perSecond()));
        Report.printCpu(n, herald1, insert);
      }
    }
    Report.printTable(rows);
    System.out.println("\n" + calibration.line());
    calibrated.forEach(System.out::println);
    long stored =
        jdbc.sql("SELECT count(*) FROM notifications WHERE service_id = :s")
            .param("s", service.id())
            .query(Long.class)
            .single();
    System.out.printf(
        "%naccepted (201) in all runs, warm-up included: %,d; notifications stored: %,d — %s%n",
        sends.accepted(), stored, stored == sends.accepted() ? "all there" : "MISMATCH");
  }

  /** Rows inserted into db-scheduler's table so far (the statistics collector's count). */
  private static long scheduledTasksInserted(JdbcClient jdbc) {
    return jdbc.sql("SELECT n_tup_ins FROM pg_stat_user_tables WHERE relname = 'scheduled_tasks'")
        .query(Long.class)
        .single();
  }
}

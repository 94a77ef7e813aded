package dev.herald.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.herald.support.WorkSignal;
import dev.herald.testdata.Herald;
import dev.herald.testdata.Http;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pipeline benchmark: N clients POST /v2/notifications/email (or /sms) for a fixed time against
 * Herald started in this JVM, with a stub provider of fixed latency as the only active one or with
 * Herald's default outbox; then it waits until every notification is handed over, reads created →
 * sending from the database, and checks that each reached the provider exactly once. The baseline:
 * the same number of rows drained from a scratch queue table by a batched SKIP LOCKED claim on the
 * same PostgreSQL. See docs/benchmarks.md.
 */
public final class PipelineBenchmark {

  private static final String USAGE =
      "--type=email|sms --provider=stub|outbox --clients=32 --seconds=30 --warmup=10"
          + " --latency-ms=50 --drain-timeout=300 --backlog=20000 --claim-workers=4"
          + " --claim-batch=100 --statements=false --analyze=false [--herald.delivery.threads=…"
          + " and other Herald settings]";

  private PipelineBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = BenchOptions.parse(args, USAGE);
    BenchType type = BenchType.of(options);
    PipelineProvider provider = PipelineProvider.of(options);
    Map<String, String> settings = BenchOptions.heraldSettings(options);
    Duration latency = Duration.ofMillis(Long.parseLong(options.getOrDefault("latency-ms", "50")));
    BenchConfiguration configuration =
        new BenchConfiguration(
            type,
            provider.describe(type, latency),
            options.getOrDefault("clients", "32"),
            "durable database",
            settings);
    CountedProviders counted = new CountedProviders();
    Path dataDir = Files.createTempDirectory("herald-bench");
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    boolean statements = Boolean.parseBoolean(options.getOrDefault("statements", "false"));
    boolean exactlyOnce;
    try (EmbeddedPostgres postgres =
            BenchDatabase.durablePostgres(
                dataDir, statements ? StatementStats.SERVER_SETTINGS : Map.of());
        ConfigurableApplicationContext context =
            HeraldInProcess.start(
                dataDir,
                postgres,
                settings,
                ctx -> {
                  ctx.getBeanFactory().addBeanPostProcessor(counted);
                  provider.register((GenericApplicationContext) ctx, type, latency);
                })) {
      System.out.println(configuration.line());
      exactlyOnce = run(context, dataDir, configuration, provider, counted, options);
    }
    System.exit(exactlyOnce ? 0 : 1);
  }

  /** Answers whether every notification reached the provider exactly once. */
  private static boolean run(
      ConfigurableApplicationContext context,
      Path dataDir,
      BenchConfiguration configuration,
      PipelineProvider provider,
      CountedProviders counted,
      Map<String, String> options)
      throws Exception {
    int clients = Integer.parseInt(configuration.clients());
    Duration time = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "30")));
    Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "10")));
    Duration drainTimeout =
        Duration.ofSeconds(Long.parseLong(options.getOrDefault("drain-timeout", "300")));
    HikariDataSource pool = context.getBean(HikariDataSource.class);
    JdbcClient jdbc = JdbcClient.create(pool);
    int port = HeraldInProcess.port(context);
    Herald herald = new Herald(new Http(port), dataDir);
    BenchService service = BenchService.create(herald, configuration.type());
    provider.standDownOthers(herald, configuration.type());
    String providerName = provider.providerName(configuration.type());
    SendRequests sends = service.sends("http://localhost:" + port);
    long postmaster = BenchDatabase.postmasterPid(dataDir);
    BenchDatabase.printMachine(jdbc);
    printSettings(context.getEnvironment(), pool, configuration, time);
    CpuCalibration calibration = CpuCalibration.measureAndPrint();

    System.out.printf("warm-up: %d clients for %d s, then drained%n", clients, warmup.toSeconds());
    Phase.run("warmup", clients, warmup, sends);
    Backlog.awaitDrained(jdbc, drainTimeout);
    boolean analyze = Boolean.parseBoolean(options.getOrDefault("analyze", "false"));
    if (analyze) {
      analyze(jdbc);
    }

    try (HeapSampler heap = new HeapSampler()) {
      Optional<StatementStats> statements = statementStats(context, jdbc);
      statements.ifPresent(StatementStats::reset);
      MeterRegistry meters = context.getBean(MeterRegistry.class);
      GroupCommitFigures commitsBefore = GroupCommitFigures.take(meters);
      Timer runs = meters.get("herald.delivery.run").timer();
      long runsBefore = runs.count();
      double heldBefore = runs.totalTime(TimeUnit.MILLISECONDS);
      Instant start = Instant.now();
      Measured load = Measured.of("pipeline", clients, time, sends, jdbc, postmaster);
      GroupCommitFigures.take(meters).minus(commitsBefore).print("load phase");
      double held = runs.totalTime(TimeUnit.MILLISECONDS) - heldBefore;
      System.out.printf(
          "delivery runs (load phase): %,d, a run held its thread %.1f ms on average; threads"
              + " busy on average %.0f of %s%n",
          runs.count() - runsBefore,
          held / Math.max(1, runs.count() - runsBefore),
          held / (load.seconds() * 1000),
          context.getEnvironment().getProperty("herald.delivery.threads"));
      Instant end = start.plus(Duration.ofNanos((long) (load.seconds() * 1e9)));
      long backlog = Backlog.count(jdbc);
      statements.ifPresent(s -> s.print("load phase", load.result().ok(), 12));
      CpuSample drainCpu = CpuSample.take(postmaster);
      Duration drain = Backlog.awaitDrained(jdbc, drainTimeout);
      drainCpu = CpuSample.take(postmaster).minus(drainCpu);
      DeliveryFigures figures = DeliveryFigures.read(jdbc, service.id(), start, end);
      PipelineReport.print(load, figures, start, end, backlog, drain, drainCpu, heap);
      ExactlyOnce afterLoad =
          ExactlyOnce.check(counted, providerName, sends.accepted(), jdbc, service.id());
      System.out.println(afterLoad.line("accepted (201), warm-up included"));
      long rows = Long.parseLong(options.getOrDefault("backlog", "20000"));
      Capacity capacity = capacity(context, jdbc, service, rows, drainTimeout, postmaster, analyze);
      PipelineReport.printCapacity(capacity, heap);
      ExactlyOnce afterCapacity =
          ExactlyOnce.check(counted, providerName, sends.accepted() + rows, jdbc, service.id());
      System.out.println(afterCapacity.line("accepted and queued for the capacity"));
      ClaimBaseline.Result claims = claimBaseline(pool, options, rows);
      PipelineReport.printBaseline(capacity, claims);
      PipelineReport.printCalibrated(
          calibration, configuration, load, figures, start, capacity, claims);
      return afterLoad.holds() && afterCapacity.holds();
    }
  }

  /** The queue's drain rate on its own: a backlog queued at once, delivered with no intake. */
  record Capacity(long rows, Duration drain, CpuSample cpu) {}

  private static Capacity capacity(
      ConfigurableApplicationContext context,
      JdbcClient jdbc,
      BenchService service,
      long rows,
      Duration timeout,
      long postmaster,
      boolean analyze)
      throws Exception {
    System.out.printf("%nqueue capacity: %,d notifications queued in one transaction%n", rows);
    BacklogFill.fill(jdbc, service.id(), rows, Instant.now());
    if (analyze) {
      analyze(jdbc);
    }
    Optional<StatementStats> statements = statementStats(context, jdbc);
    statements.ifPresent(StatementStats::reset);
    CpuSample before = CpuSample.take(postmaster);
    context.getBean(WorkSignal.class).newDeliveries();
    Duration drain = Backlog.awaitDrained(jdbc, timeout);
    statements.ifPresent(s -> s.print("queue capacity", rows, 12));
    return new Capacity(rows, drain, CpuSample.take(postmaster).minus(before));
  }

  /**
   * With {@code --analyze=true}: statistics made by the benchmark, after the warm-up and after the
   * backlog fill. Off by default: a new user's database gets none, and Herald keeps them itself
   * (PlannerStatistics).
   */
  private static void analyze(JdbcClient jdbc) {
    jdbc.sql("ANALYZE notifications, notification_personal_data, delivery_queue").update();
  }

  private static Optional<StatementStats> statementStats(
      ConfigurableApplicationContext context, JdbcClient jdbc) {
    boolean loaded =
        jdbc.sql("SELECT current_setting('shared_preload_libraries') LIKE '%pg_stat_statements%'")
            .query(Boolean.class)
            .single();
    return loaded ? Optional.of(StatementStats.install(jdbc)) : Optional.empty();
  }

  private static ClaimBaseline.Result claimBaseline(
      HikariDataSource pool, Map<String, String> options, long rows) throws Exception {
    int workers = Integer.parseInt(options.getOrDefault("claim-workers", "4"));
    int batch = Integer.parseInt(options.getOrDefault("claim-batch", "100"));
    try (ClaimBaseline baseline = new ClaimBaseline(pool, workers, batch)) {
      return baseline.drain(rows);
    }
  }

  private static void printSettings(
      Environment env, HikariDataSource pool, BenchConfiguration configuration, Duration time) {
    System.out.printf(
        "delivery queue: threads=%s, batch=%s, poll-interval=%s, lease=%s, heartbeat=%s%n"
            + "Herald JDBC pool: %d connections; provider: %s%n"
            + "load: %s %s clients for %d s%n%n",
        env.getProperty("herald.delivery.threads"),
        env.getProperty("herald.delivery.batch", "100"),
        env.getProperty("herald.delivery.poll-interval", "1s"),
        env.getProperty("herald.delivery.lease"),
        env.getProperty("herald.delivery.heartbeat"),
        pool.getMaximumPoolSize(),
        configuration.provider(),
        configuration.type().value(),
        configuration.clients(),
        time.toSeconds());
  }
}

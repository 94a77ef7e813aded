package dev.herald.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.herald.HeraldApplication;
import dev.herald.testdata.Herald;
import dev.herald.testdata.Http;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The intake benchmark: N clients POST /v2/notifications/email for a fixed time against Herald
 * started in this JVM, then N threads do raw single-row INSERTs into the same PostgreSQL for the
 * same time, and the two rates are compared. See docs/benchmarks.md.
 */
public final class IntakeBenchmark {

  private IntakeBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int[] clients =
        Arrays.stream(options.getOrDefault("clients", "16,64").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    Duration time = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "20")));
    Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "5")));
    boolean durable = Boolean.parseBoolean(options.getOrDefault("durable", "true"));
    Path dataDir = Files.createTempDirectory("herald-bench");
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    try (EmbeddedPostgres postgres = durable ? durablePostgres(dataDir) : null;
        ConfigurableApplicationContext context = start(dataDir, postgres)) {
      run(context, dataDir, clients, time, warmup);
    }
    System.exit(0);
  }

  private static void run(
      ConfigurableApplicationContext context,
      Path dataDir,
      int[] clients,
      Duration time,
      Duration warmup)
      throws Exception {
    HikariDataSource pool = context.getBean(HikariDataSource.class);
    JdbcClient jdbc = JdbcClient.create(pool);
    String root = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    Herald herald = new Herald(new Http(Integer.parseInt(root.replaceAll(".*:", ""))), dataDir);
    UUID service = herald.service(serviceBody());
    UUID template =
        herald.template(service, "email", "Hello ((name))", "Dear ((name)), ref ((reference)).");
    SendRequests sends = new SendRequests(root, herald.key(service, "normal"), template);
    long postmaster = postmasterPid(dataDir);
    printMachine(jdbc);
    System.out.printf("warm-up: %d clients for %d s%n", clients[0], warmup.toSeconds());
    Phase.run("warmup", clients[0], warmup, sends);
    List<String> rows = new ArrayList<>();
    for (int n : clients) {
      Measured herald1 = Measured.of("herald", n, time, sends, jdbc, postmaster);
      try (InsertBaseline baseline = new InsertBaseline(pool, n)) {
        Measured insert = Measured.of("insert", n, time, baseline, jdbc, postmaster);
        rows.add(Report.row(n, herald1, insert));
        Report.printCpu(n, herald1, insert);
      }
    }
    Report.printTable(rows);
    long stored =
        jdbc.sql("SELECT count(*) FROM notifications WHERE service_id = :s")
            .param("s", service)
            .query(Long.class)
            .single();
    System.out.printf(
        "%naccepted (201) in all runs, warm-up included: %,d; notifications stored: %,d — %s%n",
        sends.accepted(), stored, stored == sends.accepted() ? "all there" : "MISMATCH");
  }

  /**
   * The same embedded PostgreSQL binaries Herald uses, but durable: the embedded defaults turn
   * fsync and synchronous_commit off, which no production database would.
   */
  private static EmbeddedPostgres durablePostgres(Path dataDir) throws Exception {
    return EmbeddedPostgres.builder()
        .setDataDirectory(dataDir.resolve("postgres"))
        .setCleanDataDirectory(true)
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("max_connections", "200")
        .start();
  }

  private static ConfigurableApplicationContext start(Path dataDir, EmbeddedPostgres postgres) {
    String url = postgres == null ? "" : postgres.getJdbcUrl("postgres", "postgres");
    return new SpringApplicationBuilder(HeraldApplication.class)
        .properties(
            "herald.database-url=" + url,
            "herald.database-username=postgres",
            "herald.data-dir=" + dataDir,
            "herald.embedded-ephemeral=true",
            "server.port=0",
            "spring.main.banner-mode=off",
            "logging.level.root=WARN",
            "logging.level.io.zonky=ERROR")
        .run();
  }

  private static Map<String, Object> serviceBody() {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "Bench " + UUID.randomUUID());
    body.put("restricted", false);
    body.put("permissions", List.of("email"));
    body.put("rate_limit", 100_000_000);
    body.put("email_message_limit", 1_000_000_000L);
    return body;
  }

  private static void printMachine(JdbcClient jdbc) {
    String version = jdbc.sql("SHOW server_version").query(String.class).single();
    String fsync = jdbc.sql("SHOW fsync").query(String.class).single();
    String commit = jdbc.sql("SHOW synchronous_commit").query(String.class).single();
    System.out.printf(
        "machine: %d cores (availableProcessors), JDK %s (%s), PostgreSQL %s on the same machine%n"
            + "postgres: fsync=%s, synchronous_commit=%s%n"
            + "the load generator runs in the same JVM as Herald and shares the cores%n%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        System.getProperty("java.vm.name"),
        version,
        fsync,
        commit);
  }

  private static long postmasterPid(Path dataDir) throws Exception {
    try (Stream<Path> dirs = Files.list(dataDir)) {
      Path pg =
          dirs.filter(p -> p.getFileName().toString().startsWith("postgres"))
              .findFirst()
              .orElseThrow();
      return Long.parseLong(Files.readAllLines(pg.resolve("postmaster.pid")).getFirst().strip());
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      for (String part : arg.trim().split("\\s+")) {
        if (part.startsWith("--") && part.contains("=")) {
          options.put(part.substring(2, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
        } else if (!part.isEmpty()) {
          throw new IllegalArgumentException(
              "usage: --clients=16,64 --seconds=20 --warmup=5 --durable=true|false");
        }
      }
    }
    return options;
  }
}

package dev.herald.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.herald.testdata.Herald;
import dev.herald.testdata.Http;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    Map<String, String> options =
        BenchOptions.parse(args, "--clients=16,64 --seconds=20 --warmup=5 --durable=true|false");
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
    try (EmbeddedPostgres postgres = durable ? BenchDatabase.durablePostgres(dataDir) : null;
        ConfigurableApplicationContext context =
            HeraldInProcess.start(dataDir, postgres, Map.of())) {
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
    int port = HeraldInProcess.port(context);
    String root = "http://localhost:" + port;
    Herald herald = new Herald(new Http(port), dataDir);
    BenchService service = BenchService.create(herald);
    SendRequests sends = service.sends(root);
    long postmaster = BenchDatabase.postmasterPid(dataDir);
    BenchDatabase.printMachine(jdbc);
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
            .param("s", service.id())
            .query(Long.class)
            .single();
    System.out.printf(
        "%naccepted (201) in all runs, warm-up included: %,d; notifications stored: %,d — %s%n",
        sends.accepted(), stored, stored == sends.accepted() ? "all there" : "MISMATCH");
  }
}

package dev.herald.bench;

import dev.herald.support.Timestamps;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills Herald's schema with generated history: services with mixed retention, their templates and
 * keys, and N notifications spread evenly over 30 London days (or {@code --days}), each with its
 * personal data in the partition of its expiry day. Every choice is a hash of (seed, row number),
 * so the same seed gives the same rows. The rows are made inside PostgreSQL ({@code INSERT …
 * SELECT} over {@code generate_series}), in chunks on a few connections. See docs/benchmarks.md.
 */
public final class DataGenerator {

  static final int SERVICES = 100;
  static final int DAYS = 30;
  private static final long CHUNK = 250_000;
  private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;

  /** What was generated: rows, the seed, and the London days the notifications were made on. */
  record Generated(long rows, long seed, LocalDate firstDay, LocalDate newestDay) {}

  /**
   * Notifications numbered {@code first} to {@code first + rows − 1}, made at even steps over the
   * London days {@code firstDay} to {@code newestDay}. Spans with distinct numbers never share ids.
   */
  record Span(long first, long rows, LocalDate firstDay, LocalDate newestDay) {

    Instant start() {
      return firstDay.atStartOfDay(Timestamps.LONDON).toInstant();
    }

    Instant end() {
      return newestDay.plusDays(1).atStartOfDay(Timestamps.LONDON).toInstant();
    }
  }

  private DataGenerator() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options =
        BenchOptions.parse(
            args,
            "--rows=10000000 --seed=1 --threads=2 --newest-days-ago=5 --days=30"
                + " --service-sizes=even|skewed [--jdbc-url=jdbc:postgresql://… --user=…"
                + " --password=…]");
    long rows = Long.parseLong(options.getOrDefault("rows", "10000000"));
    long seed = Long.parseLong(options.getOrDefault("seed", "1"));
    int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
    int newestDaysAgo = Integer.parseInt(options.getOrDefault("newest-days-ago", "5"));
    int days = Integer.parseInt(options.getOrDefault("days", String.valueOf(DAYS)));
    boolean skewed = options.getOrDefault("service-sizes", "even").equals("skewed");
    LocalDate newest = Timestamps.londonDate(Instant.now()).minusDays(newestDaysAgo);
    List<Span> spans = List.of(new Span(0, rows, newest.minusDays(days - 1), newest));
    String url = options.get("jdbc-url");
    if (url != null) {
      DataSource db =
          new DriverManagerDataSource(
              url, options.get("user"), options.getOrDefault("password", ""));
      generate(db, seed, threads, skewed, spans);
      return;
    }
    // No database given: a throwaway durable embedded one with Herald's migrations, to measure.
    Path dataDir = Files.createTempDirectory("herald-gen");
    try (EmbeddedPostgres postgres =
        BenchDatabase.durablePostgres(dataDir, RetentionBenchmark.PG)) {
      DataSource db = postgres.getPostgresDatabase();
      BenchDatabase.flyway(db).load().migrate();
      generate(db, seed, threads, skewed, spans);
    } finally {
      RetentionBenchmark.deleteTree(dataDir);
    }
  }

  /** Generates into an empty Herald schema; the newest notifications are made on {@code newest}. */
  static Generated generate(DataSource db, long rows, long seed, int threads, LocalDate newest)
      throws Exception {
    return generate(
        db, seed, threads, false, List.of(new Span(0, rows, newest.minusDays(DAYS - 1), newest)));
  }

  /** Generates the spans into an empty Herald schema, services evenly sized or skewed. */
  static Generated generate(DataSource db, long seed, int threads, boolean skewed, List<Span> spans)
      throws Exception {
    JdbcClient jdbc = JdbcClient.create(db);
    TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db));
    LocalDate first = spans.stream().map(Span::firstDay).min(LocalDate::compareTo).orElseThrow();
    LocalDate newest = spans.stream().map(Span::newestDay).max(LocalDate::compareTo).orElseThrow();
    long rows = spans.stream().mapToLong(Span::rows).sum();
    GeneratedData.services(jdbc, seed, SERVICES, first.atStartOfDay(Timestamps.LONDON).toInstant());
    int partitions = createPartitions(jdbc, first.plusDays(3), newest.plusDays(90));
    System.out.printf(
        "generating %,d notifications (seed %d) made %s to %s (London) in %s, %d services (%s),"
            + " %d partitions created, %d connections%n",
        rows,
        seed,
        first,
        newest,
        spans,
        SERVICES,
        skewed ? "skewed sizes" : "even sizes",
        partitions,
        threads);
    long began = System.nanoTime();
    AtomicLong done = new AtomicLong();
    List<Future<?>> chunks = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      for (Span span : spans) {
        for (long chunk = span.first(); chunk < span.first() + span.rows(); chunk += CHUNK) {
          long from = chunk;
          long to = Math.min(span.first() + span.rows(), chunk + CHUNK);
          chunks.add(
              pool.submit(
                  () -> {
                    tx.executeWithoutResult(
                        status -> {
                          // Bulk load without per-row foreign-key triggers (as pg_restore
                          // --disable-triggers): the ids are made from the same hashes as the rows
                          // they point at, and checked in one pass at the end.
                          jdbc.sql("SET LOCAL session_replication_role = replica").update();
                          GeneratedData.notifications(jdbc, seed, skewed, span, from, to);
                        });
                    progress(done.addAndGet(to - from), rows, began);
                    return null;
                  }));
        }
      }
      for (Future<?> chunk : chunks) {
        chunk.get();
      }
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    System.out.printf(
        "generated %,d notifications + %,d personal-data rows in %.1f s: %,.0f notifications/s%n",
        rows, rows, seconds, rows / seconds);
    long check = System.nanoTime();
    long dangling = GeneratedData.danglingReferences(jdbc);
    if (dangling != 0) {
      throw new IllegalStateException(dangling + " notifications point at nothing");
    }
    System.out.printf(
        "foreign keys checked in one pass: %.1f s%n", RetentionBenchmark.seconds(check));
    long analyse = System.nanoTime();
    jdbc.sql("ANALYZE notifications").update();
    jdbc.sql("ANALYZE notification_personal_data").update();
    jdbc.sql("CHECKPOINT").update();
    System.out.printf(
        "ANALYZE and CHECKPOINT: %.1f s%n",
        Duration.ofNanos(System.nanoTime() - analyse).toMillis() / 1e3);
    return new Generated(rows, seed, first, newest);
  }

  /** The daily personal-data partitions from {@code from} to {@code to}, past days included. */
  static int createPartitions(JdbcClient jdbc, LocalDate from, LocalDate to) {
    int created = 0;
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      String name = "notification_personal_data_" + SUFFIX.format(day);
      boolean exists =
          jdbc.sql("SELECT to_regclass(:name) IS NOT NULL")
              .param("name", name)
              .query(Boolean.class)
              .single();
      if (!exists) {
        // Identifiers cannot be bound; the name and bounds come from a LocalDate.
        jdbc.sql(
                "CREATE TABLE "
                    + name
                    + " PARTITION OF notification_personal_data FOR VALUES FROM ('"
                    + day
                    + "') TO ('"
                    + day.plusDays(1)
                    + "')")
            .update();
        created++;
      }
    }
    return created;
  }

  private static void progress(long done, long rows, long began) {
    if (done % 1_000_000 < CHUNK || done == rows) {
      double seconds = (System.nanoTime() - began) / 1e9;
      System.out.printf(
          "  %,d / %,d rows, %.0f s, %,.0f rows/s%n", done, rows, seconds, done / seconds);
    }
  }
}

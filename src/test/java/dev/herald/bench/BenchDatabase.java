package dev.herald.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmarks' database: the embedded PostgreSQL binaries Herald uses, started durable, with
 * what the printed figures need to know about it.
 */
final class BenchDatabase {

  private BenchDatabase() {}

  /**
   * The same embedded PostgreSQL binaries Herald uses, but durable: the embedded defaults turn
   * fsync and synchronous_commit off, which no production database would.
   */
  static EmbeddedPostgres durablePostgres(Path dataDir) throws Exception {
    return durablePostgres(dataDir, Map.of());
  }

  /** The durable server with more settings, for benchmarks whose data outgrows the defaults. */
  static EmbeddedPostgres durablePostgres(Path dataDir, Map<String, String> settings)
      throws Exception {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir.resolve("postgres"))
            .setCleanDataDirectory(true)
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("max_connections", "200");
    settings.forEach(builder::setServerConfig);
    return builder.start();
  }

  /** Herald's migrations for {@code db}, configured as application.yml configures them. */
  static FluentConfiguration flyway(DataSource db) {
    // As application.yml: CREATE INDEX CONCURRENTLY would wait for Flyway's own lock transaction.
    return Flyway.configure()
        .dataSource(db)
        .locations("classpath:db/migration")
        .configuration(Map.of("flyway.postgresql.transactional.lock", "false"));
  }

  /** The postmaster's process id, so that PostgreSQL's CPU time can be read from /proc. */
  static long postmasterPid(Path dataDir) throws Exception {
    try (Stream<Path> dirs = Files.list(dataDir)) {
      Path pg =
          dirs.filter(p -> p.getFileName().toString().startsWith("postgres"))
              .findFirst()
              .orElseThrow();
      return Long.parseLong(Files.readAllLines(pg.resolve("postmaster.pid")).getFirst().strip());
    }
  }

  static void printMachine(JdbcClient jdbc) {
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

  /** The server's own values of these settings, as {@code SHOW} gives them. */
  static Map<String, String> settings(JdbcClient jdbc, Collection<String> names) {
    Map<String, String> values = new TreeMap<>();
    for (String name : names) {
      values.put(
          name,
          jdbc.sql("SELECT current_setting(:name)")
              .param("name", name)
              .query(String.class)
              .single());
    }
    return values;
  }
}

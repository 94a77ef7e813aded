package dev.herald.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Herald's database opened: the embedded PostgreSQL (unless {@code HERALD_DATABASE_URL} names
 * another), the connection pool, and the migrations applied. {@link EarlyDatabaseStart} begins it
 * on a thread of its own before Spring parses the configuration classes, so that the server's start
 * and the migrations' validation run beside that parsing instead of after it; the data source bean
 * waits for it ({@link #take}), and a failure surfaces there as if the bean had opened the database
 * itself.
 */
public final class DatabaseStart implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(DatabaseStart.class);

  private final CompletableFuture<Opened> opening;
  private volatile boolean taken;

  private DatabaseStart(CompletableFuture<Opened> opening) {
    this.opening = opening;
  }

  /** Starts opening the database on a thread of its own. */
  static DatabaseStart begin(HeraldProperties properties, ClassLoader classLoader) {
    CompletableFuture<Opened> opening = new CompletableFuture<>();
    Thread.ofPlatform()
        .name("database-start")
        .daemon()
        .start(
            () -> {
              try {
                opening.complete(open(properties, classLoader));
              } catch (RuntimeException | Error e) {
                opening.completeExceptionally(e);
              }
            });
    return new DatabaseStart(opening);
  }

  /** Opens the database on this thread (where no {@link EarlyDatabaseStart} ran). */
  static DatabaseStart now(HeraldProperties properties, ClassLoader classLoader) {
    return new DatabaseStart(CompletableFuture.completedFuture(open(properties, classLoader)));
  }

  /**
   * Waits for the database and hands it over: from now on its beans close it. Rethrows the failure
   * to open it as it was thrown.
   */
  Opened take() {
    try {
      Opened opened = opening.join();
      taken = true;
      return opened;
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /** Closes a database that no bean took: the context failed before it needed one. */
  @Override
  public void destroy() throws IOException {
    if (taken) {
      return;
    }
    Opened opened;
    try {
      opened = opening.join();
    } catch (CompletionException e) {
      return; // nothing was opened
    }
    opened.pool().close();
    opened.embedded().close();
  }

  /** The pool and, without an external database, the embedded server under it. */
  record Opened(EmbeddedDatabase embedded, HikariDataSource pool) {}

  /** The embedded server, or none when an external database is configured. */
  record EmbeddedDatabase(EmbeddedPostgres postgres) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  static Opened open(HeraldProperties properties, ClassLoader classLoader) {
    EmbeddedDatabase embedded = embedded(properties);
    HikariDataSource pool = null;
    try {
      pool = pool(properties, embedded);
      migrate(pool, classLoader);
      return new Opened(embedded, pool);
    } catch (RuntimeException | Error e) {
      try {
        if (pool != null) {
          pool.close();
        }
        embedded.close();
      } catch (IOException | RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /** Herald's migrations, as Flyway's defaults but for the lock (below). */
  private static void migrate(HikariDataSource pool, ClassLoader classLoader) {
    Flyway.configure(classLoader)
        .dataSource(pool)
        .locations("classpath:db/migration")
        // Flyway's default lock is held by an open transaction for the whole run, and CREATE INDEX
        // CONCURRENTLY waits for every open transaction: the migration would wait for itself. A
        // session-level advisory lock keeps instances from migrating at once just the same.
        .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
        .load()
        .migrate();
  }

  private static HikariDataSource pool(HeraldProperties properties, EmbeddedDatabase embedded) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("herald");
    config.setMaximumPoolSize(20);
    // PSQLException's message would carry the server's DETAIL and WHERE, which quote the values
    // PostgreSQL refused (personalisation, recipients); the SQLState is enough to act on.
    config.addDataSourceProperty("logServerErrorDetail", "false");
    if (embedded.postgres() == null) {
      config.setJdbcUrl(properties.databaseUrl());
      config.setUsername(properties.databaseUsername());
      config.setPassword(properties.databasePassword());
    } else {
      config.setJdbcUrl(embedded.postgres().getJdbcUrl("postgres", "postgres"));
    }
    return new HikariDataSource(config);
  }

  /** The embedded server with its data under the data directory, unless a URL is configured. */
  static EmbeddedDatabase embedded(HeraldProperties properties) {
    if (properties.databaseUrl() != null && !properties.databaseUrl().isBlank()) {
      return new EmbeddedDatabase(null);
    }
    Path dir =
        properties.embeddedEphemeral()
            ? properties
                .dataDir()
                .resolve("postgres-" + ProcessHandle.current().pid() + "-" + System.nanoTime())
            : properties.dataDir().resolve("postgres");
    dir = dir.toAbsolutePath();
    String durable = properties.embeddedEphemeral() ? "off" : "on";
    try {
      Files.createDirectories(dir);
      EmbeddedPostgresMajor.check(dir, EmbeddedPostgresMajor.binaries());
      StalePostmaster.stop(dir);
      log.info("Starting embedded PostgreSQL with data in {}", dir);
      return new EmbeddedDatabase(
          EmbeddedPostgres.builder()
              .setDataDirectory(dir)
              .setCleanDataDirectory(properties.embeddedEphemeral())
              .setServerConfig("max_connections", "200")
              // zonky's defaults trade durability for test speed; an accepted notification must
              // survive a crash, so the product runs durable. Throwaway test databases need not.
              .setServerConfig("fsync", durable)
              .setServerConfig("synchronous_commit", durable)
              .setServerConfig("full_page_writes", durable)
              // zonky forwards the server's log to ours. An error's STATEMENT, DETAIL and CONTEXT
              // lines quote the rows and JSON it refused, personal data included: keep them out.
              .setServerConfig("log_min_error_statement", "panic")
              .setServerConfig("log_error_verbosity", "terse")
              .start());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
    }
  }
}

package dev.herald.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database: the one at {@code HERALD_DATABASE_URL}, or an embedded PostgreSQL whose data lives
 * under the data directory and survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HeraldProperties.class)
class DatabaseConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(HeraldProperties properties, EmbeddedDatabase embedded) {
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

  @Bean(destroyMethod = "close")
  EmbeddedDatabase embeddedDatabase(HeraldProperties properties) {
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

  /** The embedded server, or none when an external database is configured. */
  record EmbeddedDatabase(EmbeddedPostgres postgres) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      if (postgres != null) {
        postgres.close();
      }
    }
  }
}

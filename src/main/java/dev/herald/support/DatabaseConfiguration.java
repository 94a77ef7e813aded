package dev.herald.support;

import com.zaxxer.hikari.HikariDataSource;
import dev.herald.support.DatabaseStart.EmbeddedDatabase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database: the one at {@code HERALD_DATABASE_URL}, or an embedded PostgreSQL whose data lives
 * under the data directory and survives restarts; migrated before any bean can use it. It is opened
 * early, beside the parsing of the configuration ({@link EarlyDatabaseStart}), or here, where that
 * did not run.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HeraldProperties.class)
class DatabaseConfiguration {

  private DatabaseStart.Opened opened;

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(
      ObjectProvider<DatabaseStart> start, HeraldProperties properties, EmbeddedDatabase embedded) {
    return opened(start, properties).pool();
  }

  @Bean(destroyMethod = "close")
  EmbeddedDatabase embeddedDatabase(
      ObjectProvider<DatabaseStart> start, HeraldProperties properties) {
    return opened(start, properties).embedded();
  }

  private synchronized DatabaseStart.Opened opened(
      ObjectProvider<DatabaseStart> start, HeraldProperties properties) {
    if (opened == null) {
      opened =
          start
              .getIfAvailable(() -> DatabaseStart.now(properties, getClass().getClassLoader()))
              .take();
    }
    return opened;
  }
}

package dev.herald.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.herald.support.Ids;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The baseline: one single-row INSERT per transaction (autocommit) into a scratch table shaped like
 * a notification row, through a JDBC pool as big as the number of clients.
 */
final class InsertBaseline implements Phase.Operation, AutoCloseable {

  private static final String TABLE =
      """
      CREATE TABLE IF NOT EXISTS bench_inserts (
          id                uuid PRIMARY KEY,
          service_id        uuid NOT NULL,
          template_id       uuid NOT NULL,
          template_version  integer NOT NULL,
          api_key_id        uuid,
          key_type          text NOT NULL,
          notification_type text NOT NULL,
          status            text NOT NULL,
          client_reference  text,
          billable_units    integer NOT NULL DEFAULT 0,
          international     boolean NOT NULL DEFAULT false,
          expires_on        date NOT NULL,
          created_at        timestamptz NOT NULL
      )
      """;

  private static final String INSERT =
      """
      INSERT INTO bench_inserts (id, service_id, template_id, template_version, api_key_id,
                                 key_type, notification_type, status, client_reference,
                                 billable_units, international, expires_on, created_at)
      VALUES (?, ?, ?, 1, ?, 'normal', 'email', 'created', ?, 0, false, ?, ?)
      """;

  private final HikariDataSource pool;
  private final UUID serviceId = UUID.randomUUID();

  InsertBaseline(HikariDataSource herald, int connections) throws Exception {
    HikariConfig config = new HikariConfig();
    config.setPoolName("bench-baseline");
    config.setJdbcUrl(herald.getJdbcUrl());
    config.setUsername(herald.getUsername());
    config.setPassword(herald.getPassword());
    config.setMaximumPoolSize(connections);
    config.setMinimumIdle(connections);
    this.pool = new HikariDataSource(config);
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute(TABLE);
    }
  }

  @Override
  public void run() throws Exception {
    try (Connection c = pool.getConnection();
        PreparedStatement insert = c.prepareStatement(INSERT)) {
      UUID id = Ids.timeOrdered();
      insert.setObject(1, id);
      insert.setObject(2, serviceId);
      insert.setObject(3, serviceId);
      insert.setObject(4, serviceId);
      insert.setString(5, id.toString());
      insert.setDate(6, Date.valueOf(LocalDate.now().plusDays(7)));
      insert.setTimestamp(7, Timestamp.from(Instant.now()));
      if (insert.executeUpdate() != 1) {
        throw new IllegalStateException("expected one row inserted");
      }
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}

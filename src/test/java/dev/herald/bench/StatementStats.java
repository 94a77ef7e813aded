package dev.herald.bench;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where PostgreSQL's time goes, statement by statement ({@code pg_stat_statements}, shipped with
 * the embedded binaries): reset before a phase, printed after it.
 */
final class StatementStats {

  /** The server settings that load the extension; PostgreSQL must be started with them. */
  static final Map<String, String> SERVER_SETTINGS =
      Map.of(
          "shared_preload_libraries", "pg_stat_statements,auto_explain",
          "pg_stat_statements.track", "all",
          "auto_explain.log_min_duration", "30ms",
          "auto_explain.log_analyze", "on",
          "auto_explain.log_buffers", "on",
          "auto_explain.log_nested_statements", "on",
          "logging_collector", "on",
          "log_directory", "/tmp/herald-bench-pglog",
          "log_lock_waits", "on",
          "deadlock_timeout", "10ms");

  private final JdbcClient jdbc;

  private StatementStats(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  static StatementStats install(JdbcClient jdbc) {
    jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
    return new StatementStats(jdbc);
  }

  void reset() {
    jdbc.sql("SELECT pg_stat_statements_reset()").query().singleValue();
  }

  /** The statements that took most of the server's time since the reset, per delivered row. */
  void print(String phase, long rows, int limit) {
    System.out.printf(
        "%nPostgreSQL time by statement (pg_stat_statements), %s, per notification of %,d:%n",
        phase, rows);
    System.out.printf(
        "%10s %10s %10s %10s %10s  %s%n",
        "calls/row", "ms total", "µs/row", "blocks/row", "WAL B/row", "statement");
    jdbc.sql(
            """
            SELECT calls, total_exec_time, shared_blks_hit + shared_blks_read AS blocks, wal_bytes,
                   regexp_replace(query, '\\s+', ' ', 'g') AS query
              FROM pg_stat_statements
             ORDER BY total_exec_time DESC
             LIMIT :limit
            """)
        .param("limit", limit)
        .query(
            (rs, row) -> {
              double total = rs.getDouble("total_exec_time");
              String query = rs.getString("query");
              System.out.printf(
                  "%10.2f %10.0f %10.1f %10.1f %10.0f  %s%n",
                  rs.getLong("calls") / (double) rows,
                  total,
                  total * 1000 / rows,
                  rs.getLong("blocks") / (double) rows,
                  rs.getDouble("wal_bytes") / rows,
                  query.length() > 150 ? query.substring(0, 150) + "…" : query);
              return row;
            })
        .list();
    Double all =
        jdbc.sql("SELECT sum(total_exec_time) FROM pg_stat_statements")
            .query(Double.class)
            .single();
    System.out.printf(
        "all statements: %.0f ms, %.1f µs per notification%n", all, all * 1000 / rows);
    jdbc.sql(
            """
            SELECT relname, n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables
             WHERE relname IN ('notifications_live', 'notifications_test', 'delivery_queue') ORDER BY relname
            """)
        .query(
            (rs, row) -> {
              System.out.printf(
                  "%s since the start: %,d row updates, %,d of them HOT%n",
                  rs.getString("relname"), rs.getLong("n_tup_upd"), rs.getLong("n_tup_hot_upd"));
              return row;
            })
        .list();
  }
}

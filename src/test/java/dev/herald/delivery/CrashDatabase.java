package dev.herald.delivery;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Read-only queries on the database of a Herald run as its own process. */
final class CrashDatabase {

  /** The delivery queue: {@code deliver} tasks, those claimed by an instance, receipts to apply. */
  record Queue(long queued, long leased, long receiptTasks) {}

  private CrashDatabase() {}

  /** How many of these notifications are in each status. */
  static Map<String, Long> statuses(int port, Collection<UUID> ids) throws SQLException {
    try (Connection connection = connect(port);
        PreparedStatement statement =
            connection.prepareStatement(
                """
                SELECT status, count(*)
                  FROM notifications
                 WHERE id = ANY (?)
                 GROUP BY status
                """)) {
      Array array = connection.createArrayOf("uuid", ids.toArray());
      statement.setArray(1, array);
      Map<String, Long> statuses = new TreeMap<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          statuses.put(rows.getString(1), rows.getLong(2));
        }
      }
      return statuses;
    }
  }

  static Queue queue(int port) throws SQLException {
    try (Connection connection = connect(port);
        PreparedStatement statement =
            connection.prepareStatement(
                """
                SELECT (SELECT count(*) FROM delivery_queue),
                       (SELECT count(*) FROM delivery_queue WHERE leased_until > now()),
                       (SELECT count(*) FROM scheduled_tasks WHERE task_name = 'simulated-receipt')
                """);
        ResultSet row = statement.executeQuery()) {
      row.next();
      return new Queue(row.getLong(1), row.getLong(2), row.getLong(3));
    }
  }

  private static Connection connect(int port) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
  }
}

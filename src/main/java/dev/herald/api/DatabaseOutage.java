package dev.herald.api;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Failures that say the database is out of reach for a while (restarting, shutting down, a lost
 * connection, a pool timeout, a deadlock or serialization conflict), which a client should retry.
 */
public final class DatabaseOutage {

  private DatabaseOutage() {}

  /** A 503 in the envelope: Notify has no such answer, so the name says what it is. */
  public static ApiException answer() {
    return new ApiException(
        503, "ServiceUnavailableError", "Herald cannot reach its database; try again");
  }

  /**
   * Whether {@code e} or one of its causes is such a failure. PostgreSQL's own SQLState decides
   * when there is one: Spring files some refusals that no retry can help (an index entry too long,
   * 54000) under the same exceptions as a lost connection.
   */
  public static boolean isOutage(Throwable e) {
    String state = sqlState(e);
    if (state != null) {
      return isTemporary(state);
    }
    int depth = 0;
    for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
      if (t instanceof CannotGetJdbcConnectionException
          || t instanceof CannotCreateTransactionException
          || t instanceof TransientDataAccessException
          || t instanceof RecoverableDataAccessException
          || t instanceof DataAccessResourceFailureException
          || t instanceof SQLTransientException
          || t instanceof SQLRecoverableException
          || t instanceof SQLNonTransientConnectionException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the database refused a value of the request itself: a data exception (class 22, such as
   * text it cannot hold) or a value beyond a limit (54000, such as an index entry over 2,704
   * bytes). The client has to change the request; a retry would fail the same way.
   */
  public static boolean isRefusedValue(Throwable e) {
    String state = sqlState(e);
    return state != null && (state.startsWith("22") || state.equals("54000"));
  }

  /** The SQLState of the first cause that has one, or null. */
  static String sqlState(Throwable e) {
    int depth = 0;
    for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }

  /**
   * PostgreSQL's connection exceptions (class 08), admin and crash shutdown and "cannot connect
   * now" (57P01 to 57P03), serialization failure (40001) and deadlock (40P01).
   */
  static boolean isTemporary(String sqlState) {
    return sqlState != null
        && (sqlState.startsWith("08")
            || sqlState.equals("57P01")
            || sqlState.equals("57P02")
            || sqlState.equals("57P03")
            || sqlState.equals("40001")
            || sqlState.equals("40P01"));
  }
}

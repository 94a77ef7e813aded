package dev.herald.support;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows sent by {@code COPY … FROM STDIN} in PostgreSQL's text format, on the connection of the
 * transaction in progress, in chunks as they are written: the database's bulk path, for a job's
 * batches (docs/performance.md, "Storing a job's rows"). Values are written in the table's column
 * order given in the statement; null is {@code \N}, and a text's backslash, tab, newline and
 * carriage return are escaped as the format asks.
 */
public final class CopyText implements AutoCloseable {

  private static final int CHUNK = 128 * 1024;
  private static final String UNIQUE_VIOLATION = "23505";

  private final CopyIn copy;
  private final StringBuilder text = new StringBuilder(CHUNK + 1024);
  private boolean rowStarted;

  private CopyText(CopyIn copy) {
    this.copy = copy;
  }

  /**
   * Starts {@code sql} ({@code COPY table (columns) FROM STDIN}) on the current transaction's
   * connection of {@code db}; the connection stays the transaction's.
   */
  public static CopyText start(DataSource db, String sql) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("COPY outside a transaction");
    }
    Connection connection = DataSourceUtils.getConnection(db);
    try {
      return new CopyText(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
    } catch (SQLException e) {
      throw new IllegalStateException("COPY could not start", e);
    } finally {
      DataSourceUtils.releaseConnection(connection, db);
    }
  }

  /** The next value of the row: text (escaped), a number, a boolean, a UUID, a date or null. */
  public CopyText value(Object value) {
    if (rowStarted) {
      text.append('\t');
    }
    rowStarted = true;
    switch (value) {
      case null -> text.append("\\N");
      case Boolean b -> text.append(b ? 't' : 'f');
      case Number n -> text.append(n);
      case Instant i -> text.append(i);
      case String s -> escape(s);
      default -> escape(value.toString());
    }
    return this;
  }

  /** Ends the row; the rows written so far go to the server once they fill a chunk. */
  public void endRow() {
    text.append('\n');
    rowStarted = false;
    if (text.length() >= CHUNK) {
      send();
    }
  }

  /** Sends what is left and ends the COPY; answers the rows the server stored. */
  public long finish() {
    send();
    try {
      return copy.endCopy();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** Cancels a COPY not finished (the transaction then rolls back with it). */
  @Override
  public void close() {
    if (copy.isActive()) {
      try {
        copy.cancelCopy();
      } catch (SQLException e) {
        // The transaction fails with the COPY: nothing was stored.
      }
    }
  }

  /**
   * The COPY's failure, without its message (it quotes the row): a {@link DuplicateKeyException} if
   * a row was refused by a unique index, as Spring's templates would say.
   */
  private static RuntimeException failed(SQLException e) {
    return UNIQUE_VIOLATION.equals(e.getSQLState())
        ? new DuplicateKeyException("COPY found a row already stored", RedactedThrowable.of(e))
        : new IllegalStateException("COPY failed", RedactedThrowable.of(e));
  }

  private void escape(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> text.append("\\\\");
        case '\t' -> text.append("\\t");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        default -> text.append(c);
      }
    }
  }

  private void send() {
    if (text.isEmpty()) {
      return;
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    text.setLength(0);
    try {
      copy.writeToCopy(bytes, 0, bytes.length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }
}

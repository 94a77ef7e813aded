package dev.herald.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The job benchmark's baseline: the same number of rows as a job's, each a notification's columns
 * as a job stores them (UUIDv7-like ids, the job's service, template and row number, {@code
 * created}, {@code normal}), sent by {@code COPY … FROM STDIN} in one statement into a plain table
 * made {@code LIKE notifications_live} with its defaults, constraints and indexes, on the same
 * database; then dropped. No personal data, no delivery queue and no foreign keys: the database's
 * own bulk path into a table shaped like {@code notifications}, and nothing else.
 */
final class CopyBaseline {

  /** Rows copied and the time of the {@code COPY}, the rows made as it streams included. */
  record Figures(long rows, double seconds) {

    double perSecond() {
      return rows / seconds;
    }
  }

  private static final int CHUNK = 256 * 1024;

  private CopyBaseline() {}

  static Figures copy(DataSource db, UUID service, UUID template, int version, int rows)
      throws SQLException, IOException {
    try (Connection connection = db.getConnection()) {
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        statement.execute("DROP TABLE IF EXISTS bench_job_copy");
        statement.execute(
            "CREATE TABLE bench_job_copy (LIKE notifications_live INCLUDING DEFAULTS"
                + " INCLUDING CONSTRAINTS INCLUDING INDEXES)");
        statement.execute("CHECKPOINT");
      }
      long began = System.nanoTime();
      CopyIn copy =
          connection
              .unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn(
                  """
                  COPY bench_job_copy (id, service_id, template_id, template_version, key_type,
                                       notification_type, status, billable_units, international,
                                       job_id, job_row_number, expires_on, created_at)
                  FROM STDIN
                  """);
      stream(copy, service, template, version, rows);
      long copied = copy.endCopy();
      double seconds = (System.nanoTime() - began) / 1e9;
      if (copied != rows) {
        throw new IllegalStateException("COPY stored " + copied + " of " + rows + " rows");
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("DROP TABLE bench_job_copy");
      }
      return new Figures(rows, seconds);
    }
  }

  private static void stream(CopyIn copy, UUID service, UUID template, int version, int rows)
      throws SQLException {
    UUID job = UUID.randomUUID();
    Instant now = Instant.now();
    String expires = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(7).toString();
    String fixed =
        "\t"
            + service
            + "\t"
            + template
            + "\t"
            + version
            + "\tnormal\temail\tcreated\t0\tf\t"
            + job
            + "\t";
    String tail = "\t" + expires + "\t" + now + "\n";
    long high = now.toEpochMilli() << 16 | 0x7000;
    StringBuilder text = new StringBuilder(CHUNK + 512);
    for (int n = 0; n < rows; n++) {
      text.append(new UUID(high, 0x8000_0000_0000_0000L | n)).append(fixed).append(n).append(tail);
      if (text.length() >= CHUNK) {
        write(copy, text);
      }
    }
    write(copy, text);
  }

  private static void write(CopyIn copy, StringBuilder text) throws SQLException {
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    text.setLength(0);
  }
}

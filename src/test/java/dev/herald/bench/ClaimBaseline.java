package dev.herald.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline for the delivery queue: a scratch queue table filled with as many rows as the
 * pipeline delivered, drained by W workers, each claiming a batch under a lease with one {@code
 * UPDATE … FOR UPDATE SKIP LOCKED … RETURNING} and then deleting what it claimed, both in
 * autocommit (durable). What a hand-written outbox queue would cost per message, with no provider.
 */
final class ClaimBaseline implements AutoCloseable {

  private static final String TABLE =
      """
      CREATE TABLE IF NOT EXISTS bench_queue (
          id             uuid PRIMARY KEY,
          priority       integer NOT NULL,
          execution_time timestamptz NOT NULL,
          picked_by      text,
          lease_until    timestamptz
      )
      """;

  private static final String INDEX =
      """
      CREATE INDEX IF NOT EXISTS bench_queue_due
          ON bench_queue (priority DESC, execution_time) WHERE picked_by IS NULL
      """;

  private static final String FILL =
      """
      INSERT INTO bench_queue (id, priority, execution_time)
      SELECT gen_random_uuid(), 100, now() - make_interval(secs => n / 1000.0)
        FROM generate_series(1, ?) AS n
      """;

  private static final String CLAIM =
      """
      UPDATE bench_queue
         SET picked_by = ?,                                  -- this worker
             lease_until = now() + interval '5 minutes'
       WHERE id IN (SELECT id FROM bench_queue
                     WHERE picked_by IS NULL AND execution_time <= now()
                     ORDER BY priority DESC, execution_time
                     FOR UPDATE SKIP LOCKED
                     LIMIT ?)                                -- the batch size
      RETURNING id
      """;

  private static final String DONE = "DELETE FROM bench_queue WHERE id = ANY (?)";

  /** What the drain measured. */
  record Result(long rows, double seconds, int workers, int batch) {
    double perSecond() {
      return rows / seconds;
    }
  }

  private final HikariDataSource pool;
  private final int workers;
  private final int batch;

  ClaimBaseline(HikariDataSource herald, int workers, int batch) throws Exception {
    this.workers = workers;
    this.batch = batch;
    HikariConfig config = new HikariConfig();
    config.setPoolName("bench-claim");
    config.setJdbcUrl(herald.getJdbcUrl());
    config.setUsername(herald.getUsername());
    config.setPassword(herald.getPassword());
    config.setMaximumPoolSize(workers);
    config.setMinimumIdle(workers);
    this.pool = new HikariDataSource(config);
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute(TABLE);
      s.execute(INDEX);
      s.execute("TRUNCATE bench_queue");
    }
  }

  Result drain(long rows) throws Exception {
    fill(rows);
    AtomicLong done = new AtomicLong();
    CountDownLatch finished = new CountDownLatch(workers);
    List<Throwable> failures = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < workers; i++) {
      String name = "bench-claim-" + i;
      Thread.ofPlatform()
          .name(name)
          .daemon()
          .start(
              () -> {
                try {
                  work(name, done);
                } catch (Exception e) {
                  synchronized (failures) {
                    failures.add(e);
                  }
                } finally {
                  finished.countDown();
                }
              });
    }
    finished.await();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (!failures.isEmpty()) {
      throw new IllegalStateException("claim baseline failed", failures.getFirst());
    }
    if (done.get() != rows) {
      throw new IllegalStateException("expected " + rows + " rows drained, drained " + done.get());
    }
    return new Result(rows, seconds, workers, batch);
  }

  private void fill(long rows) throws Exception {
    try (Connection c = pool.getConnection();
        PreparedStatement fill = c.prepareStatement(FILL);
        Statement s = c.createStatement()) {
      fill.setLong(1, rows);
      fill.executeUpdate();
      s.execute("VACUUM ANALYZE bench_queue");
    }
  }

  private void work(String name, AtomicLong done) throws Exception {
    try (Connection c = pool.getConnection();
        PreparedStatement claim = c.prepareStatement(CLAIM);
        PreparedStatement delete = c.prepareStatement(DONE)) {
      while (true) {
        List<UUID> ids = claim(claim, name);
        if (ids.isEmpty()) {
          return;
        }
        Array array = c.createArrayOf("uuid", ids.toArray());
        delete.setArray(1, array);
        int deleted = delete.executeUpdate();
        if (deleted != ids.size()) {
          throw new IllegalStateException(
              "expected " + ids.size() + " rows deleted, deleted " + deleted + ": a bug");
        }
        done.addAndGet(deleted);
      }
    }
  }

  private List<UUID> claim(PreparedStatement claim, String name) throws Exception {
    claim.setString(1, name);
    claim.setInt(2, batch);
    List<UUID> ids = new ArrayList<>(batch);
    try (ResultSet rs = claim.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getObject(1, UUID.class));
      }
    }
    return ids;
  }

  @Override
  public void close() throws Exception {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS bench_queue");
    }
    pool.close();
  }
}

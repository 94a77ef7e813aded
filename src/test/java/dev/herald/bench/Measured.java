package dev.herald.bench;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A phase with what it cost: CPU by party, and the database's commits and WAL fsyncs. */
record Measured(Phase.Result result, CpuSample cpu, long commits, long walSyncs) {

  /** The statistics collector publishes about twice a second; wait so deltas are complete. */
  private static final long STATS_SETTLE_MILLIS = 700;

  static Measured of(
      String name,
      int threads,
      Duration time,
      Phase.Operation operation,
      JdbcClient jdbc,
      long postmaster)
      throws InterruptedException {
    long[] db = dbStats(jdbc);
    CpuSample before = CpuSample.take(postmaster);
    Phase.Result result = Phase.run(name, threads, time, operation);
    CpuSample cpu = CpuSample.take(postmaster).minus(before);
    long[] dbAfter = dbStats(jdbc);
    return new Measured(result, cpu, dbAfter[0] - db[0], dbAfter[1] - db[1]);
  }

  private static long[] dbStats(JdbcClient jdbc) throws InterruptedException {
    Thread.sleep(STATS_SETTLE_MILLIS);
    return jdbc.sql(
            """
            SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()),
                   (SELECT wal_sync FROM pg_stat_wal)
            """)
        .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
        .single();
  }

  double seconds() {
    return result.seconds();
  }
}

package dev.herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.herald.testdata.ApiIT;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sends while every connection to the database is cut, again and again: a send answered 201 is
 * stored, and every other one is a temporary refusal in the envelope (503), never a 500.
 */
class DatabaseOutageIT extends ApiIT {

  private static final int SENDERS = 12;
  private static final int MAX_SENDS = 1_500;

  /** A cut every this many answers: often enough to catch requests in flight, not all of them. */
  private static final int ANSWERS_PER_CUT = 15;

  @Autowired HikariDataSource dataSource;
  @Autowired JdbcClient jdbc;

  @Test
  void aSendCaughtInAnOutageIsRefusedAsTemporaryAndEveryAcceptedOneIsStored() throws Exception {
    OutageSends outage = new OutageSends(herald, http);
    AtomicInteger sends = new AtomicInteger();
    AtomicInteger answers = new AtomicInteger();
    try (Connection cutter = DriverManager.getConnection(dataSource.getJdbcUrl());
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> senders = new ArrayList<>();
      for (int s = 0; s < SENDERS; s++) {
        senders.add(
            pool.submit(
                () -> {
                  while (sends.incrementAndGet() <= MAX_SENDS && !enough(outage)) {
                    outage.sendOne();
                    if (answers.incrementAndGet() % ANSWERS_PER_CUT == 0) {
                      cut(cutter);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> sender : senders) {
        sender.get(5, TimeUnit.MINUTES);
      }
    }

    // The last cut may have ended pooled sessions that no send has used since: the checks below
    // read on new ones.
    dataSource.getHikariPoolMXBean().softEvictConnections();
    outage.assertNoneWrongAndEveryAcceptedStored(jdbc);
    assertThat(outage.answered(503)).isPositive();
  }

  /** Enough to have shown both answers: stop early rather than send all {@link #MAX_SENDS}. */
  private static boolean enough(OutageSends outage) {
    return outage.answered(503) >= 5 && outage.answered(201) >= 100;
  }

  /** Terminates every other session on Herald's database, as a restart or failover does. */
  private static void cut(Connection cutter) {
    synchronized (cutter) {
      try (Statement statement = cutter.createStatement()) {
        statement.execute(
            """
            SELECT pg_terminate_backend(pid)
              FROM pg_stat_activity
             WHERE pid <> pg_backend_pid() AND datname = current_database()
            """);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}

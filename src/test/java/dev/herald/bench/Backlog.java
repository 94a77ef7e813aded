package dev.herald.bench;

import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A service's notifications not yet handed over: still {@code created}. */
final class Backlog {

  private static final long POLL_MILLIS = 200;

  private Backlog() {}

  static long count(JdbcClient jdbc, UUID service) {
    return jdbc.sql(
            "SELECT count(*) FROM notifications WHERE service_id = :service AND status = 'created'")
        .param("service", service)
        .query(Long.class)
        .single();
  }

  /** Waits until nothing is left, and answers how long that took. */
  static Duration awaitDrained(JdbcClient jdbc, UUID service, Duration timeout)
      throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (count(jdbc, service) > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            count(jdbc, service) + " notifications still not handed over after " + timeout);
      }
      Thread.sleep(POLL_MILLIS);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }
}

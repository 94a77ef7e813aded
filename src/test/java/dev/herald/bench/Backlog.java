package dev.herald.bench;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Delivery work not yet done: rows still in the delivery queue (a row goes once its notification is
 * handed over). Counted there because the table stays small, so polling it costs the database
 * little while it drains.
 */
final class Backlog {

  private static final long POLL_MILLIS = 200;

  private Backlog() {}

  static long count(JdbcClient jdbc) {
    return jdbc.sql("SELECT count(*) FROM delivery_queue").query(Long.class).single();
  }

  /** Waits until nothing is left, and answers how long that took. */
  static Duration awaitDrained(JdbcClient jdbc, Duration timeout) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (count(jdbc) > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            count(jdbc) + " notifications still not handed over after " + timeout);
      }
      Thread.sleep(POLL_MILLIS);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }
}

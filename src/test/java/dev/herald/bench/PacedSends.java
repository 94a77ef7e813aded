package dev.herald.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * API sends at a fixed rate, whatever the answers' times: a timer thread starts one request every
 * 1/rate seconds on a pool of threads (so that a slow answer does not delay the next request),
 * until closed. Failed requests are counted, not retried.
 */
final class PacedSends implements AutoCloseable {

  private static final int THREADS = 16;

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService senders = Executors.newFixedThreadPool(THREADS);
  private final AtomicLong failed = new AtomicLong();
  private final SendRequests sends;

  PacedSends(SendRequests sends, int perSecond) {
    this.sends = sends;
    timer.scheduleAtFixedRate(
        () -> senders.execute(this::send), 0, 1_000_000_000L / perSecond, TimeUnit.NANOSECONDS);
  }

  private void send() {
    try {
      sends.run();
    } catch (Exception e) {
      failed.incrementAndGet();
    }
  }

  long accepted() {
    return sends.accepted();
  }

  long failed() {
    return failed.get();
  }

  /** Stops starting requests and waits for those started. */
  @Override
  public void close() throws InterruptedException {
    timer.shutdownNow();
    senders.shutdown();
    if (!senders.awaitTermination(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("API sends still running 60 s after the last was started");
    }
  }
}

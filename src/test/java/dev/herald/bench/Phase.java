package dev.herald.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One timed phase: N platform threads each repeat an operation until the time is up, recording the
 * latency of every operation that succeeded and counting those that failed.
 */
final class Phase {

  /** One operation; returns normally on success, throws on failure. */
  interface Operation {
    void run() throws Exception;
  }

  /** What a phase measured: successes per second, sorted latencies (ns), failures. */
  record Result(
      long ok,
      long errors,
      double seconds,
      long[] sortedLatencies,
      String firstError,
      double threadsCpuSeconds) {
    double perSecond() {
      return ok / seconds;
    }

    double p50() {
      return Latencies.percentileMillis(sortedLatencies, 50);
    }

    double p99() {
      return Latencies.percentileMillis(sortedLatencies, 99);
    }
  }

  /** Threads of the phases are named with this prefix, so their CPU time can be told apart. */
  static final String THREAD_PREFIX = "bench-client-";

  private Phase() {}

  static Result run(String name, int threads, Duration duration, Operation operation)
      throws InterruptedException {
    List<Latencies> latencies = new ArrayList<>();
    AtomicLong errors = new AtomicLong();
    AtomicLong cpuNanos = new AtomicLong();
    StringBuffer firstError = new StringBuffer();
    CountDownLatch done = new CountDownLatch(threads);
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    for (int i = 0; i < threads; i++) {
      Latencies mine = new Latencies();
      latencies.add(mine);
      Thread.ofPlatform()
          .name(THREAD_PREFIX + name + "-" + i)
          .daemon()
          .start(
              () -> {
                try {
                  loop(operation, end, mine, errors, firstError);
                } finally {
                  cpuNanos.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
                  done.countDown();
                }
              });
    }
    done.await();
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] sorted = Latencies.mergeSorted(latencies);
    return new Result(
        sorted.length, errors.get(), seconds, sorted, firstError.toString(), cpuNanos.get() / 1e9);
  }

  private static void loop(
      Operation operation, long end, Latencies mine, AtomicLong errors, StringBuffer firstError) {
    long now = System.nanoTime();
    while (now < end) {
      try {
        operation.run();
        long after = System.nanoTime();
        mine.record(after - now);
        now = after;
      } catch (Exception e) {
        if (errors.getAndIncrement() == 0) {
          firstError.append(e.getMessage());
        }
        now = System.nanoTime();
      }
    }
  }
}

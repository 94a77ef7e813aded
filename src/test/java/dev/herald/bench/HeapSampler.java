package dev.herald.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * The JVM heap while a benchmark runs: the most in use at any sample (garbage included), and the
 * most still in use after a collection (the live set), sampled every 100 ms on a daemon thread.
 */
final class HeapSampler implements AutoCloseable {

  private static final long INTERVAL_MILLIS = 100;

  private final Thread thread;
  private volatile long peakUsed;
  private volatile long peakAfterGc;

  HeapSampler() {
    thread = Thread.ofPlatform().name("bench-heap-sampler").daemon().start(this::loop);
  }

  private void loop() {
    while (!Thread.currentThread().isInterrupted()) {
      sample();
      try {
        Thread.sleep(INTERVAL_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void sample() {
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long afterGc = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage collected = pool.getCollectionUsage();
      if (pool.getType() == MemoryType.HEAP && collected != null) {
        afterGc += collected.getUsed();
      }
    }
    peakUsed = Math.max(peakUsed, used);
    peakAfterGc = Math.max(peakAfterGc, afterGc);
  }

  long peakUsedMb() {
    return peakUsed >> 20;
  }

  long peakAfterGcMb() {
    return peakAfterGc >> 20;
  }

  static long maxHeapMb() {
    return Runtime.getRuntime().maxMemory() >> 20;
  }

  @Override
  public void close() {
    thread.interrupt();
  }
}

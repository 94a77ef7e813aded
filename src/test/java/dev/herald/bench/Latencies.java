package dev.herald.bench;

import java.util.Arrays;

/** Latencies in nanoseconds, recorded by one thread, merged and sorted for percentiles. */
final class Latencies {

  private long[] values = new long[16_384];
  private int size;

  void record(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
  }

  int size() {
    return size;
  }

  static long[] mergeSorted(Iterable<Latencies> all) {
    int total = 0;
    for (Latencies l : all) {
      total += l.size;
    }
    long[] merged = new long[total];
    int at = 0;
    for (Latencies l : all) {
      System.arraycopy(l.values, 0, merged, at, l.size);
      at += l.size;
    }
    Arrays.sort(merged);
    return merged;
  }

  /** The value at this percentile (0–100) of sorted values, in milliseconds. */
  static double percentileMillis(long[] sorted, double percentile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}

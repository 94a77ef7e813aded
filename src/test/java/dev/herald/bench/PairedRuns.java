package dev.herald.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Requests timed on two sides, Herald over HTTP and a baseline: every case once on each side as a
 * warm-up, then once more on each side, the sides taking turns to go first so that neither always
 * finds the other's pages in the cache. Printed by kind of request and by service.
 */
final class PairedRuns {

  /** One side of a case: its time in nanoseconds and how many notifications the page held. */
  interface Side<C> {
    long[] run(C c) throws Exception;
  }

  /** A pair with a side slower than this is listed with its time, to find what stalled it. */
  private static final long STALL_NANOS = 100_000_000;

  private PairedRuns() {}

  static <C> void run(
      List<C> cases,
      Function<C, String> kind,
      Function<C, String> service,
      Side<C> herald,
      Side<C> baseline,
      CpuCalibration calibration)
      throws Exception {
    for (C c : cases) {
      herald.run(c);
      baseline.run(c);
    }
    LatencyTable byKind = new LatencyTable();
    LatencyTable byService = new LatencyTable();
    int mismatches = 0;
    List<String> stalls = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      C c = cases.get(i);
      long[] h = i % 2 == 0 ? herald.run(c) : null;
      long[] b = baseline.run(c);
      h = h == null ? herald.run(c) : h;
      byKind.record(kind.apply(c), true, h[0]);
      byKind.record(kind.apply(c), false, b[0]);
      byService.record(service.apply(c), true, h[0]);
      byService.record(service.apply(c), false, b[0]);
      if (h[1] != b[1]) {
        mismatches++;
      }
      if (Math.max(h[0], b[0]) > STALL_NANOS) {
        stalls.add(
            String.format(
                "  %s  Herald %.1f ms, baseline %.1f ms  %s%n",
                Instant.now(), h[0] / 1e6, b[0] / 1e6, kind.apply(c)));
      }
    }
    System.out.printf(
        "%,d requests, each once on both sides after one warm-up round; pages that differ"
            + " between the sides: %d%n%n",
        cases.size(), mismatches);
    System.out.printf(
        "pairs with a side over %d ms (finished at, UTC; compare with vmstat and the server log):"
            + " %d%n",
        STALL_NANOS / 1_000_000, stalls.size());
    stalls.stream().limit(40).forEach(System.out::print);
    System.out.println();
    byKind.print("Herald over HTTP", "same SQL over JDBC");
    System.out.println();
    byService.print("Herald over HTTP", "same SQL over JDBC");
    System.out.println(calibration.line());
    byKind.printCalibrated(calibration, "same SQL over JDBC");
    System.out.println(Load.now());
  }
}

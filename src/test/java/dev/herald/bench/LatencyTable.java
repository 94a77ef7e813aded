package dev.herald.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Latencies of one request kind on two sides, Herald over HTTP and a baseline, printed as p50, p95
 * and max per kind and for all kinds together.
 */
final class LatencyTable {

  private final Map<String, Latencies[]> kinds = new LinkedHashMap<>();

  void record(String kind, boolean herald, long nanos) {
    kinds
        .computeIfAbsent(kind, k -> new Latencies[] {new Latencies(), new Latencies()})[
        herald ? 0 : 1]
        .record(nanos);
  }

  void print(String herald, String baseline) {
    System.out.printf(
        "%-52s %5s | %-22s | %-22s%n", "", "", center(herald, 22), center(baseline, 22));
    System.out.printf(
        "%-52s %5s | %6s %7s %7s | %6s %7s %7s%n",
        "request (ms)", "n", "p50", "p95", "max", "p50", "p95", "max");
    System.out.println("-".repeat(107));
    List<Latencies> allHerald = new ArrayList<>();
    List<Latencies> allBaseline = new ArrayList<>();
    kinds.forEach(
        (kind, sides) -> {
          System.out.println(row(kind, sides[0], sides[1]));
          allHerald.add(sides[0]);
          allBaseline.add(sides[1]);
        });
    System.out.println("-".repeat(107));
    System.out.println(row("all of the above", merged(allHerald), merged(allBaseline)));
  }

  /** The p50 and p95 of all requests on each side, in calibration ops. */
  void printCalibrated(CpuCalibration calibration, String baseline) {
    long[] h = Latencies.mergeSorted(kinds.values().stream().map(s -> s[0]).toList());
    long[] b = Latencies.mergeSorted(kinds.values().stream().map(s -> s[1]).toList());
    for (int p : new int[] {50, 95}) {
      System.out.println(
          calibration.time(
              "all requests, p" + p + " over HTTP",
              Latencies.percentileMillis(h, p) / 1000,
              baseline,
              Latencies.percentileMillis(b, p) / 1000));
    }
  }

  private static String row(String kind, Latencies herald, Latencies baseline) {
    long[] h = Latencies.mergeSorted(List.of(herald));
    long[] b = Latencies.mergeSorted(List.of(baseline));
    return String.format(
        "%-52s %5d | %6.1f %7.1f %7.1f | %6.1f %7.1f %7.1f",
        kind,
        h.length,
        Latencies.percentileMillis(h, 50),
        Latencies.percentileMillis(h, 95),
        Latencies.percentileMillis(h, 100),
        Latencies.percentileMillis(b, 50),
        Latencies.percentileMillis(b, 95),
        Latencies.percentileMillis(b, 100));
  }

  private static Latencies merged(List<Latencies> all) {
    Latencies merged = new Latencies();
    for (long nanos : Latencies.mergeSorted(all)) {
      merged.record(nanos);
    }
    return merged;
  }

  private static String center(String text, int width) {
    int left = Math.max(0, (width - text.length()) / 2);
    return " ".repeat(left) + text;
  }
}

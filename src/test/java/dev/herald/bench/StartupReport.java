package dev.herald.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The figures of one way of starting: median, min and max to ready, and the median phases. */
final class StartupReport {

  private StartupReport() {}

  static void print(StartupVariant variant, List<StartupRun> runs, CpuCalibration calibration) {
    double[] ready = seconds(runs.stream().map(StartupRun::ready).toList());
    System.out.printf(
        "%s (%d runs): ready (first 200 of /actuator/health) median %.2f s, min %.2f s,"
            + " max %.2f s%n",
        variant.name(), runs.size(), median(ready), ready[0], ready[ready.length - 1]);
    System.out.println("  " + String.join(" ", variant.command()));
    double previous = 0;
    for (String milestone : runs.getLast().milestones().keySet()) {
      double at =
          median(
              seconds(
                  runs.stream()
                      .map(run -> run.milestones().get(milestone))
                      .filter(Objects::nonNull)
                      .toList()));
      System.out.printf("  %-42s at %6.2f s  (+%.2f s)%n", milestone, at, at - previous);
      previous = at;
    }
    System.out.printf(
        "  %-42s at %6.2f s  (+%.2f s)%n",
        "first 200 of /actuator/health", median(ready), median(ready) - previous);
    System.out.println(
        "  " + calibration.time(variant.name() + ", median to ready", median(ready), null, 0));
    System.out.println();
  }

  private static double[] seconds(List<Duration> durations) {
    double[] values = durations.stream().mapToDouble(d -> d.toNanos() / 1e9).toArray();
    Arrays.sort(values);
    return values;
  }

  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}

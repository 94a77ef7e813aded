package dev.herald.bench;

import java.util.List;

/**
 * The print-run benchmark's lines: each provider's run, the baseline beside it, the targets of the
 * issue (measured, not asserted: within 5 minutes of the deadline, at least half the baseline's
 * rate, heap within 512 MB) and the calibrated figures. The heap's target is read on the most in
 * use after a collection: ZGC lets the heap fill to its maximum before collecting, so the most in
 * use is the maximum whenever garbage is made fast enough.
 */
final class PrintRunReport {

  private static final double TARGET_SECONDS = 300;
  private static final double TARGET_RATIO = 0.5;
  private static final long TARGET_HEAP_MB = 512;

  private PrintRunReport() {}

  static void printRun(PrintRunMeasurement.Figures f) {
    System.out.printf(
        "%s: run() (the planning transaction) %.3f s, %d batches; deadline → last of %,d letters"
            + " handed over %.1f s: %,.0f letters/s; heap peak %d MB (after GC %d MB) of %d MB%s%n",
        f.provider(),
        f.runSeconds(),
        f.batches(),
        f.letters(),
        f.lastSeconds(),
        f.perSecond(),
        f.peakHeapMb(),
        f.peakAfterGcMb(),
        HeapSampler.maxHeapMb(),
        f.zips() == 0
            ? ""
            : String.format("; uploaded %d ZIPs, %,d bytes", f.zips(), f.zipBytes()));
  }

  static void print(
      int run,
      List<PrintRunMeasurement.Figures> figures,
      SftpUploadBaseline.Figures baseline,
      long baselineHeapMb,
      CpuCalibration calibration) {
    System.out.printf(
        "baseline: %,d letters in %d ZIPs (%,d bytes) on %d threads: %.1f s, %,.0f letters/s, heap"
            + " peak %d MB%n%n",
        baseline.letters(),
        baseline.zips(),
        baseline.zipBytes(),
        baseline.threads(),
        baseline.seconds(),
        baseline.perSecond(),
        baselineHeapMb);
    for (PrintRunMeasurement.Figures f : figures) {
      double ratio = f.perSecond() / baseline.perSecond();
      System.out.printf(
          "run %d, %s: %,.0f letters/s, Herald / baseline %.2f; targets: last letter within 5 min"
              + " of the deadline %s (%.1f s), ≥ 0.5 of the baseline %s, heap ≤ 512 MB %s (%d"
              + " MB after GC)%n",
          run,
          f.provider(),
          f.perSecond(),
          ratio,
          met(f.lastSeconds() <= TARGET_SECONDS),
          f.lastSeconds(),
          met(ratio >= TARGET_RATIO),
          met(f.peakAfterGcMb() <= TARGET_HEAP_MB),
          f.peakAfterGcMb());
      System.out.println(
          calibration.rate(
              "print run, " + f.provider(),
              f.perSecond(),
              "SFTP client alone",
              baseline.perSecond()));
      System.out.println(
          calibration.time(
              "deadline → last handed over, " + f.provider(),
              f.lastSeconds(),
              "SFTP client alone",
              baseline.seconds()));
    }
    System.out.println();
  }

  private static String met(boolean met) {
    return met ? "met" : "NOT met";
  }
}

package dev.herald.bench;

import java.time.Duration;

/**
 * The job benchmark's lines: each job beside its {@code COPY} baseline, the API sends made while
 * the CSV job ran, the targets (measured, not asserted: at least 0.5 of the {@code COPY}
 * rate and 30,000 rows a second, the heap within 512 MB after a collection, the API's created →
 * sending p99 within 1 s) and the calibrated figures.
 */
final class JobReport {

  private static final double TARGET_RATIO = 0.5;
  private static final double TARGET_ROWS_PER_SECOND = 30_000;
  private static final long TARGET_HEAP_MB = 512;
  private static final double TARGET_P99_MILLIS = 1000;

  private JobReport() {}

  static void printJob(
      int run,
      JobMeasurement.Figures f,
      Duration drain,
      CopyBaseline.Figures copy,
      CpuCalibration calibration) {
    double ratio = f.perSecond() / copy.perSecond();
    System.out.printf(
        "%nrun %d, %s (%,d rows, %,d bytes): upload and check %.2f s (heap peak %d MB, after GC %d"
            + " MB); POST …/jobs → started %.2f s, → last row stored %.2f s: %,.0f rows/s; heap"
            + " peak %d MB (after GC %d MB) of %d MB; then the rest handed over in %.1f s%n",
        run,
        f.file(),
        f.rows(),
        f.fileBytes(),
        f.uploadSeconds(),
        f.uploadHeapMb(),
        f.uploadAfterGcMb(),
        f.startSeconds(),
        f.lastRowSeconds(),
        f.perSecond(),
        f.heapMb(),
        f.afterGcMb(),
        HeapSampler.maxHeapMb(),
        drain.toNanos() / 1e9);
    System.out.printf(
        "baseline: COPY of %,d rows into a plain table LIKE notifications_live: %.2f s, %,.0f"
            + " rows/s%n",
        copy.rows(), copy.seconds(), copy.perSecond());
    System.out.printf(
        "run %d, %s: Herald / COPY %.2f; targets: ≥ 0.5 of COPY %s, ≥ 30,000 rows/s %s, heap ≤"
            + " 512 MB %s (%d MB after GC)%n",
        run,
        f.file(),
        ratio,
        met(ratio >= TARGET_RATIO),
        met(f.perSecond() >= TARGET_ROWS_PER_SECOND),
        met(f.afterGcMb() <= TARGET_HEAP_MB),
        f.afterGcMb());
    System.out.println(
        calibration.rate("job rows stored, " + f.file(), f.perSecond(), "COPY", copy.perSecond()));
  }

  static void printApi(int run, JobBenchmark.ApiDuringJob api) {
    DeliveryFigures d = api.figures();
    System.out.printf(
        "run %d, API sends during the CSV job (POST → its last row handed over %.1f s): %,d"
            + " accepted, %,d failed, %,d in the database, %,d handed over; created → sending p50"
            + " %.0f ms, p99 %.0f ms, max %.0f ms; target p99 ≤ 1 s %s%n%n",
        run,
        api.jobDeliveredSeconds(),
        api.accepted(),
        api.failed(),
        d.created(),
        d.handedOver(),
        d.p50Millis(),
        d.p99Millis(),
        d.maxMillis(),
        met(d.p99Millis() <= TARGET_P99_MILLIS && d.handedOver() == d.created()));
  }

  private static String met(boolean met) {
    return met ? "met" : "NOT met";
  }
}

package dev.herald.bench;

import java.time.Duration;
import java.time.Instant;

/** The pipeline benchmark's printed results. */
final class PipelineReport {

  private PipelineReport() {}

  static void print(
      Measured load,
      DeliveryFigures f,
      Instant start,
      Instant end,
      long backlog,
      Duration drain,
      CpuSample drainCpu,
      HeapSampler heap) {
    double loadSeconds = load.seconds();
    double untilLast = Duration.between(start, f.lastSent()).toMillis() / 1000.0;
    Phase.Result r = load.result();
    System.out.printf(
        "%naccepted (201): %,d in %.1f s = %,.0f/s (POST p50 %.1f ms, p99 %.1f ms, %d errors)%n",
        r.ok(), loadSeconds, r.perSecond(), r.p50(), r.p99(), r.errors());
    System.out.printf(
        "handed over: %,d of %,d created; during the load %,.0f/s; over the run (start → last"
            + " hand-over, %.1f s) %,.0f/s%n",
        f.handedOver(),
        f.created(),
        f.handedOverByEnd() / loadSeconds,
        untilLast,
        f.handedOver() / untilLast);
    System.out.printf(
        "backlog at the end of the load: %,d; drained in %.1f s (%,.0f/s while draining)%n",
        backlog, drain.toMillis() / 1000.0, backlog / Math.max(0.001, drain.toMillis() / 1000.0));
    System.out.printf(
        "created → sending: p50 %.0f ms, p99 %.0f ms, max %.0f ms; within 10 s: %.2f %%%n",
        f.p50Millis(), f.p99Millis(), f.maxMillis(), f.percentWithin10s());
    System.out.printf(
        "heap: peak used %,d MB, peak live after GC %,d MB, max heap %,d MB%n",
        heap.peakUsedMb(), heap.peakAfterGcMb(), HeapSampler.maxHeapMb());
    printCpu("load ", load.cpu(), loadSeconds, load.result().threadsCpuSeconds(), load);
    if (drain.toSeconds() >= 1) {
      printCpu("drain", drainCpu, drain.toMillis() / 1000.0, 0, null);
    }
  }

  static void printCapacity(PipelineBenchmark.Capacity c, HeapSampler heap) {
    double seconds = c.drain().toMillis() / 1000.0;
    System.out.printf(
        "handed over in %.1f s = %,.0f/s (fill included); heap peak used %,d MB%n",
        seconds, c.rows() / seconds, heap.peakUsedMb());
    printCpu("queue", c.cpu(), seconds, 0, null);
  }

  static void printBaseline(PipelineBenchmark.Capacity c, ClaimBaseline.Result claims) {
    double herald = c.rows() / (c.drain().toMillis() / 1000.0);
    System.out.printf(
        "%nbaseline, same database: %,d rows claimed (batch %d, under a lease) and deleted by %d"
            + " workers in %.1f s = %,.0f claims/s; Herald's queue drained %,.0f/s = %.2f of it%n",
        claims.rows(),
        claims.batch(),
        claims.workers(),
        claims.seconds(),
        claims.perSecond(),
        herald,
        herald / claims.perSecond());
  }

  static void printCalibrated(
      CpuCalibration calibration,
      BenchConfiguration configuration,
      Measured load,
      DeliveryFigures f,
      Instant start,
      PipelineBenchmark.Capacity c,
      ClaimBaseline.Result claims) {
    double untilLast = Duration.between(start, f.lastSent()).toMillis() / 1000.0;
    System.out.println("\n" + calibration.line());
    System.out.println(
        calibration.rate(
            configuration.subject("accepted (201)"), load.result().perSecond(), null, 0));
    System.out.println(
        calibration.rate(
            configuration.subject("handed over, start → last hand-over"),
            f.handedOver() / untilLast,
            null,
            0));
    System.out.println(
        calibration.rate(
            configuration.subject("queue capacity, handed over"),
            c.rows() / (c.drain().toMillis() / 1000.0),
            "claims (DB baseline)",
            claims.perSecond()));
  }

  private static void printCpu(
      String name, CpuSample c, double seconds, double clientThreads, Measured load) {
    double client = clientThreads + (load == null ? 0 : c.httpClient());
    System.out.printf(
        "cores busy (%s): load generator %.2f, Herald %.2f (of which JIT %.2f, GC %.2f),"
            + " PostgreSQL %.2f, other processes %.2f, idle %.2f (of %.1f)%s%n",
        name,
        client / seconds,
        (c.jvm() - client) / seconds,
        c.jit() / seconds,
        c.gc() / seconds,
        c.postgres() / seconds,
        (c.machineBusy() - c.jvm() - c.postgres()) / seconds,
        c.machineIdle() / seconds,
        (c.machineBusy() + c.machineIdle()) / seconds,
        load == null
            ? ""
            : String.format(
                "; %,.0f commits/s, %,.0f WAL fsyncs/s",
                load.commits() / seconds, load.walSyncs() / seconds));
  }
}

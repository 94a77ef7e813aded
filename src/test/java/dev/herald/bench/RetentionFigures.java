package dev.herald.bench;

/** The retention benchmark's printed results, with the end-state checks. */
final class RetentionFigures {

  /** Herald's side: counts before and after, times, and the intake load without and during. */
  record Herald(
      RetentionChecks.Counts before,
      RetentionChecks.Counts after,
      double seconds,
      double vacuumSeconds,
      Object outcome,
      Phase.Result quiet,
      Phase.Result during) {}

  /** Notify's side: expired rows before and after, in-flight letters it keeps, times. */
  record Notify(
      long expiredBefore,
      long expiredAfter,
      long lettersKept,
      double seconds,
      double vacuumSeconds,
      NotifyRetention.Outcome outcome) {}

  private RetentionFigures() {}

  private static String latency(Phase.Result r) {
    return String.format(
        "%,.0f/s p50 %.1f ms p99 %.1f ms max %.1f ms, %d errors",
        r.perSecond(),
        r.p50(),
        r.p99(),
        Latencies.percentileMillis(r.sortedLatencies(), 100),
        r.errors());
  }

  static void print(long rows, int clients, Herald h, Notify n, CpuCalibration calibration) {
    System.out.printf("%n== Retention of %,d generated notifications ==%n", rows);
    System.out.printf(
        "expired (personal data past its day): Herald %,d rows, Notify %,d rows — %s%n",
        h.before().personalExpired(),
        n.expiredBefore(),
        h.before().personalExpired() == n.expiredBefore() ? "same data" : "MISMATCH");
    System.out.printf(
        "Herald: %.2f s (while intake ran), %s; VACUUM notifications_test afterwards %.2f s%n",
        h.seconds(), h.outcome(), h.vacuumSeconds());
    System.out.printf(
        "  personal-data rows removed %,d, test-key notifications deleted %,d%n",
        h.before().personalExpired() - h.after().personalExpired(),
        h.before().testExpired() - h.after().testExpired());
    boolean heraldOk = h.after().personalExpired() == 0 && h.after().testExpired() == 0;
    System.out.printf(
        "  end state: personal data past its day %,d, expired test-key notifications %,d — %s%n",
        h.after().personalExpired(), h.after().testExpired(), heraldOk ? "OK" : "NOT CLEAN");
    NotifyRetention.Outcome o = n.outcome();
    System.out.printf(
        "Notify's algorithm: %.2f s, then VACUUM %.2f s; moved to history %,d, deleted %,d,"
            + " test-key deleted %,d, %,d batches%n",
        n.seconds(), n.vacuumSeconds(), o.moved(), o.deleted(), o.testDeleted(), o.batches());
    boolean notifyOk = n.expiredAfter() == n.lettersKept();
    System.out.printf(
        "  end state: expired rows left %,d (in-flight letters Notify skips: %,d) — %s%n",
        n.expiredAfter(), n.lettersKept(), notifyOk ? "OK" : "NOT CLEAN");
    System.out.printf(
        "ratio Notify / Herald: %.0f× (run alone), %.0f× (run + VACUUM)%n",
        n.seconds() / h.seconds(),
        (n.seconds() + n.vacuumSeconds()) / (h.seconds() + h.vacuumSeconds()));
    System.out.printf(
        "intake, %d clients: without retention %s; during retention %s%n",
        clients, latency(h.quiet()), latency(h.during()));
    System.out.println(calibration.line());
    System.out.println(
        calibration.time("Herald's retention run", h.seconds(), "Notify's algorithm", n.seconds()));
    System.out.println(
        calibration.time(
            "Herald's run + VACUUM",
            h.seconds() + h.vacuumSeconds(),
            "Notify's run + VACUUM",
            n.seconds() + n.vacuumSeconds()));
    System.out.println(
        calibration.rate(
            "intake accepted during retention",
            h.during().perSecond(),
            "without retention",
            h.quiet().perSecond()));
  }
}

package dev.herald.bench;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Herald's group commits over one phase (dev.herald.support.GroupCommit's meters): per name,
 * batches, items a batch, the mean wait of a caller for a batch to take its item, and the mean time
 * of a batch.
 */
record GroupCommitFigures(Map<String, Totals> byName) {

  record Totals(long items, double waitNanos, long batches, double batchNanos) {
    Totals minus(Totals before) {
      return new Totals(
          items - before.items,
          waitNanos - before.waitNanos,
          batches - before.batches,
          batchNanos - before.batchNanos);
    }
  }

  static GroupCommitFigures take(MeterRegistry meters) {
    Map<String, Totals> byName = new TreeMap<>();
    for (Timer waits : meters.find("herald.group.commit.wait").timers()) {
      String name = waits.getId().getTag("name");
      Timer batches = meters.get("herald.group.commit.batch").tag("name", name).timer();
      DistributionSummary sizes =
          meters.get("herald.group.commit.size").tag("name", name).summary();
      byName.put(
          name,
          new Totals(
              (long) sizes.totalAmount(),
              waits.totalTime(TimeUnit.NANOSECONDS),
              batches.count(),
              batches.totalTime(TimeUnit.NANOSECONDS)));
    }
    return new GroupCommitFigures(byName);
  }

  GroupCommitFigures minus(GroupCommitFigures before) {
    Map<String, Totals> diff = new TreeMap<>();
    byName.forEach(
        (name, t) ->
            diff.put(name, t.minus(before.byName.getOrDefault(name, new Totals(0, 0, 0, 0)))));
    return new GroupCommitFigures(diff);
  }

  void print(String phase) {
    byName.forEach(
        (name, t) -> {
          if (t.batches() == 0) {
            return;
          }
          System.out.printf(
              "group commit %s (%s): %,d batches, %.1f items a batch; a caller waited %.2f ms"
                  + " on average for a batch to take its item, a batch took %.2f ms%n",
              name,
              phase,
              t.batches(),
              (double) t.items() / t.batches(),
              t.waitNanos() / Math.max(1, t.items()) / 1e6,
              t.batchNanos() / t.batches() / 1e6);
        });
  }
}

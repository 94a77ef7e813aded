package dev.herald.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The letter alerts as gauges: a letter the run did not take, a scan waiting too long, a run whose
 * provider count differs from its own. The states are set in the database where reaching them would
 * need a printer or a scanner that misbehaves.
 */
class PrintAlertsIT extends PrintIT {

  @Autowired PrintAlerts alerts;
  @Autowired MeterRegistry meters;

  private double gauge(String name) {
    return meters.get(name).gauge().value();
  }

  private void set(String sql, String id) {
    jdbc.sql(sql).param("id", id).update();
  }

  @Test
  void aLetterTheRunDidNotTakeAStaleScanAndAMiscountedRunAreShown() {
    String taken = sendAt("2026-09-08T09:00:00", liveKey);
    String heldBack = sendAt("2026-09-08T09:01:00", liveKey);
    // As if its PDF had not been made by the deadline.
    set("UPDATE notifications SET billable_units = 0 WHERE id = CAST(:id AS uuid)", heldBack);
    PrintRuns.Summary run = runs.run(LocalDate.parse("2026-09-08")).orElseThrow();
    awaitStatus(taken, "delivered");
    await()
        .atMost(MADE)
        .until(
            () ->
                jdbc.sql(
                            "SELECT count(*) FROM print_batches WHERE run_id = :run AND status = 'planned'")
                        .param("run", run.runId())
                        .query(Long.class)
                        .single()
                    == 0);
    PrintAlerts.Found before = alerts.check();
    assertThat(before.createdAfterRun()).isGreaterThanOrEqualTo(1);
    assertThat(gauge("herald.letters.created.after.run")).isEqualTo(before.createdAfterRun());

    // A scan that has waited 91 minutes.
    set(
        "UPDATE notifications SET status = 'pending-virus-check' WHERE id = CAST(:id AS uuid)",
        heldBack);
    clock.advance(Duration.ofMinutes(91));
    PrintAlerts.Found later = alerts.check();
    assertThat(later.staleScans()).isGreaterThanOrEqualTo(1);
    assertThat(later.createdAfterRun()).isEqualTo(before.createdAfterRun() - 1);
    assertThat(gauge("herald.letters.pending.virus.check.stale")).isEqualTo(later.staleScans());

    // The provider's count one short of the run's.
    long mismatched = later.mismatchedRuns();
    jdbc.sql(
            "UPDATE print_batches SET taken = taken - 1 WHERE run_id = :run AND service_id = :service")
        .param("run", run.runId())
        .param("service", service)
        .update();
    assertThat(alerts.check().mismatchedRuns()).isEqualTo(mismatched + 1);
    assertThat(gauge("herald.print.runs.count.mismatch")).isEqualTo(mismatched + 1);
  }
}

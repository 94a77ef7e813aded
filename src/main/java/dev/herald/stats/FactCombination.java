package dev.herald.stats;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One piece of fact work: a fact table's rows for a (London day, type, service). Its instance id
 * {@code status:2026-03-29:sms:<service>} names the one-off task, so the work is queued once.
 */
record FactCombination(FactKind kind, LocalDate day, String type, UUID serviceId) {

  static final String TASK = "create-facts-for-service-and-day";

  String instance() {
    return kind.value() + ":" + day + ":" + type + ":" + serviceId;
  }

  static FactCombination parse(String instance) {
    String[] parts = instance.split(":", 4);
    if (parts.length != 4) {
      throw new IllegalArgumentException("Not a fact task instance: " + instance);
    }
    return new FactCombination(
        FactKind.of(parts[0]), LocalDate.parse(parts[1]), parts[2], UUID.fromString(parts[3]));
  }
}

package dev.herald.stats;

import dev.herald.support.Timestamps;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A Europe/London calendar day as the UTC window [its midnight, the next midnight): 23 hours on the
 * day summer time starts, 25 on the day it ends.
 */
record LondonDay(LocalDate date) {

  static LondonDay of(Instant instant) {
    return new LondonDay(Timestamps.londonDate(instant));
  }

  Instant start() {
    return date.atStartOfDay(Timestamps.LONDON).toInstant();
  }

  Instant end() {
    return date.plusDays(1).atStartOfDay(Timestamps.LONDON).toInstant();
  }
}

package dev.herald.testdata;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests can set and move; it follows the system clock until first set. */
public final class MutableClock extends Clock {

  private final AtomicReference<Instant> fixed = new AtomicReference<>();

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Instant instant() {
    Instant now = fixed.get();
    return now == null ? Instant.now() : now;
  }

  public void set(Instant instant) {
    fixed.set(instant);
  }

  public void advance(Duration duration) {
    fixed.set(instant().plus(duration));
  }

  /** Back to following the system clock. */
  public void reset() {
    fixed.set(null);
  }
}

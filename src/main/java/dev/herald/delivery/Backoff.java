package dev.herald.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Capped exponential backoff with jitter: base × 2^(failures−1), at most the cap, ±20 %. */
public final class Backoff {

  private Backoff() {}

  public static Duration after(int failures, Duration base, Duration cap) {
    double exponential = base.toMillis() * Math.pow(2, Math.max(0, failures - 1));
    double capped = Math.min(exponential, cap.toMillis());
    double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
    return Duration.ofMillis(Math.max(1, Math.round(capped * jitter)));
  }
}

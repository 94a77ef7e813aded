package dev.herald.callback;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to try a failed callback again: waits doubling from {@code initial} up to {@code max}, each
 * varied by up to 20 % either way so that retries after an outage spread out, until {@code
 * giveUpAfter} has passed since the first attempt.
 */
record RetryPolicy(Duration initial, Duration max, Duration giveUpAfter) {

  private static final double JITTER = 0.2;

  /** The wait after the given failed attempt (1 for the first), with {@code random} in [0, 1). */
  Duration backoff(int failedAttempt, double random) {
    // 2^30 times any sensible initial wait still fits in a long.
    int doublings = Math.min(failedAttempt - 1, 30);
    long base = Math.min(initial.toMillis() << doublings, max.toMillis());
    double factor = 1 - JITTER + 2 * JITTER * random;
    return Duration.ofMillis(Math.round(base * factor));
  }

  /** When to retry after the given failed attempt, or empty when the retry would come too late. */
  Optional<Instant> nextAttempt(
      int failedAttempt, Instant firstAttemptAt, Instant now, double random) {
    Instant next = now.plus(backoff(failedAttempt, random));
    return next.isAfter(firstAttemptAt.plus(giveUpAfter)) ? Optional.empty() : Optional.of(next);
  }
}

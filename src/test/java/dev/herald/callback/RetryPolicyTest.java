package dev.herald.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final RetryPolicy POLICY =
      new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(24));
  private static final double NO_JITTER = 0.5;
  private static final Instant FIRST = Instant.parse("2026-03-29T00:30:00Z");

  @Test
  void waitsDoubleFromTheInitialWait() {
    assertThat(POLICY.backoff(1, NO_JITTER)).isEqualTo(Duration.ofSeconds(30));
    assertThat(POLICY.backoff(2, NO_JITTER)).isEqualTo(Duration.ofSeconds(60));
    assertThat(POLICY.backoff(3, NO_JITTER)).isEqualTo(Duration.ofSeconds(120));
    assertThat(POLICY.backoff(7, NO_JITTER)).isEqualTo(Duration.ofMinutes(32));
  }

  @Test
  void waitsNoLongerThanTheCap() {
    assertThat(POLICY.backoff(8, NO_JITTER)).isEqualTo(Duration.ofHours(1));
    assertThat(POLICY.backoff(40, NO_JITTER)).isEqualTo(Duration.ofHours(1));
    assertThat(POLICY.backoff(Integer.MAX_VALUE, NO_JITTER)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void jitterVariesTheWaitByUpToTwentyPercentEitherWay() {
    assertThat(POLICY.backoff(1, 0.0)).isEqualTo(Duration.ofSeconds(24));
    assertThat(POLICY.backoff(1, 0.999_999))
        .isBetween(Duration.ofSeconds(35), Duration.ofSeconds(36));
    assertThat(POLICY.backoff(8, 0.0)).isEqualTo(Duration.ofMinutes(48));
  }

  @Test
  void retriesWhileTheRetryFallsWithinADayOfTheFirstAttempt() {
    Instant now = FIRST.plus(Duration.ofHours(22));

    assertThat(POLICY.nextAttempt(25, FIRST, now, NO_JITTER))
        .contains(now.plus(Duration.ofHours(1)));
  }

  @Test
  void givesUpWhenTheRetryWouldComeMoreThanADayAfterTheFirstAttempt() {
    Instant now = FIRST.plus(Duration.ofHours(23)).plusSeconds(1);

    assertThat(POLICY.nextAttempt(26, FIRST, now, NO_JITTER)).isEmpty();
  }

  @Test
  void aWholeDayOfFailuresMakesAboutThirtyAttempts() {
    Instant now = FIRST;
    int attempts = 1;
    while (true) {
      var next = POLICY.nextAttempt(attempts, FIRST, now, NO_JITTER);
      if (next.isEmpty()) {
        break;
      }
      now = next.get();
      attempts++;
    }
    // 30 s + 1 min + … + 32 min ≈ 1 h 4 min in 7 retries, then hourly until the day is over.
    assertThat(attempts).isEqualTo(30);
    assertThat(now).isBefore(FIRST.plus(Duration.ofHours(24)));
  }
}

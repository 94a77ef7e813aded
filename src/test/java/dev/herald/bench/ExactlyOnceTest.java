package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExactlyOnceTest {

  @Test
  void holdsWhenTheProviderTookEachNotificationOnceAndTheDatabaseSaysSo() {
    ExactlyOnce check = new ExactlyOnce(1000, "outbox", 1000, Map.of("outbox", 1000L), 1000);

    assertThat(check.holds()).isTrue();
    assertThat(check.line("accepted"))
        .isEqualTo(
            "exactly once, 1,000 accepted: outbox took 1,000 notifications in 1,000 calls"
                + " (0 repeats), other providers 0 calls; recorded as handed over by outbox:"
                + " 1,000 — holds");
  }

  @Test
  void failsOnARepeatAMissingOneAnotherProviderOrTheDatabase() {
    assertThat(new ExactlyOnce(1000, "p", 1000, Map.of("p", 1001L), 1000).holds()).isFalse();
    assertThat(new ExactlyOnce(1000, "p", 999, Map.of("p", 999L), 999).holds()).isFalse();
    assertThat(new ExactlyOnce(1000, "p", 1000, Map.of("p", 999L, "q", 1L), 1000).holds())
        .isFalse();
    assertThat(new ExactlyOnce(1000, "p", 1000, Map.of("p", 1000L), 999).holds()).isFalse();
    assertThat(new ExactlyOnce(1000, "p", 1000, Map.of("p", 1001L), 1000).line("made"))
        .endsWith("MISMATCH {p=1001}");
  }
}

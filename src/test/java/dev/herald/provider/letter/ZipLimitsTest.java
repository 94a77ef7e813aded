package dev.herald.provider.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ZipLimitsTest {

  private final ZipLimits limits = new ZipLimits(3, 100);

  @Test
  void takesFilesUpToTheCount() {
    assertThat(limits.full(2, 20, 10)).isFalse();
    assertThat(limits.full(3, 30, 10)).isTrue();
  }

  @Test
  void takesBytesUpToTheLimitExactly() {
    assertThat(limits.full(1, 60, 40)).isFalse();
    assertThat(limits.full(1, 60, 41)).isTrue();
  }

  @Test
  void putsAPdfLargerThanTheLimitAloneInItsZip() {
    assertThat(limits.full(0, 0, 500)).isFalse();
    assertThat(limits.full(1, 500, 1)).isTrue();
  }

  @Test
  void refusesLimitsThatHoldNothing() {
    assertThatThrownBy(() -> new ZipLimits(0, 100)).isInstanceOf(IllegalArgumentException.class);
  }
}

package dev.herald.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimestampsTest {

  private static final DateTimeFormatter WIRE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  @Test
  void writesNotifysWireFormatWithMicroseconds() {
    assertThat(Timestamps.format(Instant.parse("2024-05-10T16:40:14.123456789Z")))
        .isEqualTo("2024-05-10T16:40:14.123456Z");
    assertThat(Timestamps.format(Instant.parse("2026-03-29T01:00:00Z")))
        .isEqualTo("2026-03-29T01:00:00.000000Z");
    assertThat(Timestamps.format(Instant.parse("0001-01-01T00:00:00.000001Z")))
        .isEqualTo("0001-01-01T00:00:00.000001Z");
    assertThat(Timestamps.format(null)).isNull();
  }

  @Test
  void agreesWithTheFormatterAcrossTheRange() {
    Random random = new Random(20261124);
    long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 100_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(
              first + (long) (random.nextDouble() * (last - first)), random.nextInt(1_000_000_000));
      assertThat(Timestamps.format(instant)).isEqualTo(WIRE.format(instant));
    }
    Instant outside = Instant.parse("+10000-01-01T00:00:00Z");
    assertThat(Timestamps.format(outside)).isEqualTo(WIRE.format(outside));
  }
}

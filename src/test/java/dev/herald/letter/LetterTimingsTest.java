package dev.herald.letter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.support.Timestamps;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code estimated_delivery}: Notify's own test vectors, then the rules they do not reach. */
class LetterTimingsTest {

  @ParameterizedTest
  @CsvSource({
    "2000-12-01T00:00:00Z, second, 2000-12-11T16:00:00.000000Z",
    "2000-06-01T00:00:00Z, second, 2000-06-09T15:00:00.000000Z",
    "2000-12-01T00:00:00Z, first, 2000-12-05T16:00:00.000000Z",
    "2000-06-01T00:00:00Z, first, 2000-06-03T15:00:00.000000Z",
    "2000-12-01T00:00:00Z, economy, 2000-12-13T16:00:00.000000Z",
    "2000-06-01T00:00:00Z, economy, 2000-06-13T15:00:00.000000Z"
  })
  void notifysTestVectors(String created, String postage, String expected) {
    assertThat(Timestamps.format(LetterTimings.estimatedDelivery(Instant.parse(created), postage)))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    // After 17:30 London a letter is printed a day later.
    "2026-11-30T17:29:00, second, 2026-12-08T16:00:00.000000Z",
    "2026-11-30T17:31:00, second, 2026-12-09T16:00:00.000000Z",
    // Christmas: no printing on the 25th or 28th, no post on the 1st of January.
    "2026-12-24T10:00:00, second, 2027-01-06T16:00:00.000000Z",
    "2026-12-24T10:00:00, first, 2026-12-30T16:00:00.000000Z",
    // Abroad: the zone's longest transit.
    "2026-11-30T10:00:00, europe, 2026-12-09T16:00:00.000000Z",
    "2026-11-30T10:00:00, rest-of-world, 2026-12-11T16:00:00.000000Z"
  })
  void theDeadlineHolidaysAndZones(String londonCreated, String postage, String expected) {
    Instant created = LocalDateTime.parse(londonCreated).atZone(Timestamps.LONDON).toInstant();
    assertThat(Timestamps.format(LetterTimings.estimatedDelivery(created, postage)))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"2000-12-01T00:00:42.123456789Z, 2000-12-11T16:00:42.123456Z"})
  void theSecondsOfCreationCarryOver(String created, String expected) {
    assertThat(Timestamps.format(LetterTimings.estimatedDelivery(Instant.parse(created), "second")))
        .isEqualTo(expected);
  }
}

package dev.herald.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LondonDayTest {

  private static LondonDay day(String date) {
    return new LondonDay(LocalDate.parse(date));
  }

  @Test
  void aWinterDayIsTheUtcDay() {
    assertThat(day("2026-01-15").start()).isEqualTo(Instant.parse("2026-01-15T00:00:00Z"));
    assertThat(day("2026-01-15").end()).isEqualTo(Instant.parse("2026-01-16T00:00:00Z"));
  }

  @Test
  void aSummerDayStartsAnHourBeforeUtcMidnight() {
    assertThat(day("2026-07-01").start()).isEqualTo(Instant.parse("2026-06-30T23:00:00Z"));
    assertThat(day("2026-07-01").end()).isEqualTo(Instant.parse("2026-07-01T23:00:00Z"));
  }

  @Test
  void theDaySummerTimeStartsHas23Hours() {
    LondonDay day = day("2026-03-29");
    assertThat(day.start()).isEqualTo(Instant.parse("2026-03-29T00:00:00Z"));
    assertThat(day.end()).isEqualTo(Instant.parse("2026-03-29T23:00:00Z"));
    assertThat(Duration.between(day.start(), day.end())).isEqualTo(Duration.ofHours(23));
  }

  @Test
  void theDaySummerTimeEndsHas25Hours() {
    LondonDay day = day("2026-10-25");
    assertThat(day.start()).isEqualTo(Instant.parse("2026-10-24T23:00:00Z"));
    assertThat(day.end()).isEqualTo(Instant.parse("2026-10-26T00:00:00Z"));
    assertThat(Duration.between(day.start(), day.end())).isEqualTo(Duration.ofHours(25));
  }

  @Test
  void anInstantBelongsToItsLondonDate() {
    assertThat(LondonDay.of(Instant.parse("2026-10-24T23:30:00Z")).date())
        .as("00:30 BST on 25 October")
        .isEqualTo(LocalDate.parse("2026-10-25"));
    assertThat(LondonDay.of(Instant.parse("2026-10-25T23:30:00Z")).date())
        .as("23:30 GMT on 25 October")
        .isEqualTo(LocalDate.parse("2026-10-25"));
    assertThat(LondonDay.of(Instant.parse("2026-03-29T22:59:59Z")).date())
        .as("23:59:59 BST on 29 March")
        .isEqualTo(LocalDate.parse("2026-03-29"));
    assertThat(LondonDay.of(Instant.parse("2026-03-29T23:00:00Z")).date())
        .isEqualTo(LocalDate.parse("2026-03-30"));
  }

  @Test
  void aTaskInstanceNamesItsCombination() {
    FactCombination c =
        new FactCombination(
            FactKind.STATUS,
            LocalDate.parse("2026-03-29"),
            "sms",
            java.util.UUID.fromString("6f1c2a4e-0000-4000-8000-000000000001"));
    assertThat(c.instance())
        .isEqualTo("status:2026-03-29:sms:6f1c2a4e-0000-4000-8000-000000000001");
    assertThat(FactCombination.parse(c.instance())).isEqualTo(c);
  }
}

package dev.herald.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** England and Wales bank holidays, against the years as GOV.UK published them. */
class BankHolidaysTest {

  private static List<LocalDate> days(String... days) {
    return java.util.Arrays.stream(days).map(LocalDate::parse).toList();
  }

  @Test
  void anOrdinaryYearFollowsTheRules() {
    assertThat(BankHolidays.ofYear(2024))
        .containsExactlyInAnyOrderElementsOf(
            days(
                "2024-01-01",
                "2024-03-29",
                "2024-04-01",
                "2024-05-06",
                "2024-05-27",
                "2024-08-26",
                "2024-12-25",
                "2024-12-26"));
  }

  @Test
  void christmasAndBoxingDayAtAWeekendMoveToTheWeekdaysAfter() {
    // 2026: Boxing Day is a Saturday; 2027: Christmas is a Saturday; 2022: a Sunday.
    assertThat(BankHolidays.ofYear(2026))
        .containsExactlyInAnyOrderElementsOf(
            days(
                "2026-01-01",
                "2026-04-03",
                "2026-04-06",
                "2026-05-04",
                "2026-05-25",
                "2026-08-31",
                "2026-12-25",
                "2026-12-28"));
    assertThat(BankHolidays.ofYear(2027))
        .contains(LocalDate.parse("2027-12-27"), LocalDate.parse("2027-12-28"))
        .doesNotContain(LocalDate.parse("2027-12-25"));
    assertThat(BankHolidays.ofYear(2022))
        .contains(LocalDate.parse("2022-12-26"), LocalDate.parse("2022-12-27"));
  }

  @Test
  void proclaimedDaysMoveAndAddHolidays() {
    assertThat(BankHolidays.ofYear(2022))
        .containsExactlyInAnyOrderElementsOf(
            days(
                "2022-01-03",
                "2022-04-15",
                "2022-04-18",
                "2022-05-02",
                "2022-06-02",
                "2022-06-03",
                "2022-08-29",
                "2022-09-19",
                "2022-12-26",
                "2022-12-27"));
    assertThat(BankHolidays.ofYear(2020))
        .contains(LocalDate.parse("2020-05-08"))
        .doesNotContain(LocalDate.parse("2020-05-04"));
    assertThat(BankHolidays.isBankHoliday(LocalDate.parse("2023-05-08"))).isTrue();
  }

  @Test
  void easterIsComputedForAnyYear() {
    assertThat(BankHolidays.easterSunday(2000)).isEqualTo(LocalDate.parse("2000-04-23"));
    assertThat(BankHolidays.easterSunday(2019)).isEqualTo(LocalDate.parse("2019-04-21"));
    assertThat(BankHolidays.easterSunday(2038)).isEqualTo(LocalDate.parse("2038-04-25"));
  }
}

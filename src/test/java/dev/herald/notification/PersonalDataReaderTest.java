package dev.herald.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonalDataReaderTest {

  @Test
  void writesEachDayOnceInOrderIntoTheStatement() {
    LocalDate day = LocalDate.of(2026, 12, 8);

    assertThat(PersonalDataReader.statement(List.of(day.plusDays(1), day, day)))
        .contains("expires_on = ANY ('{2026-12-08,2026-12-09}'::date[])")
        .contains("notification_id = ANY (:ids)");
  }

  @Test
  void refusesADayThatDoesNotPrintAsFourDigitsOfYear() {
    assertThatThrownBy(() -> PersonalDataReader.statement(List.of(LocalDate.of(10_000, 1, 1))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

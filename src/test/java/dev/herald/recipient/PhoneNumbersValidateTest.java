package dev.herald.recipient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Service permissions, guest-list comparison and smoke-test numbers. */
class PhoneNumbersValidateTest {

  private static final String NOT_UK_MOBILE = "Not a UK mobile number";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+14158961600",
        "+3225484211",
        "+1 202-483-3000",
        "+7 495 308-78-41",
        "+74953087842"
      })
  void refusesInternationalNumbersWithoutTheInternationalPermission(String raw) {
    assertThatThrownBy(() -> PhoneNumbers.validate(raw, false, true))
        .isInstanceOf(InvalidRecipientException.class)
        .hasMessage(NOT_UK_MOBILE);
  }

  @Test
  void acceptsInternationalNumbersWithTheInternationalPermission() {
    assertThat(PhoneNumbers.validate("+1 202-483-3000", true, false).normalised())
        .isEqualTo("12024833000");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0117 496 0860", "+44 117 496 0860", "020 7946 0991", "030 1234 5678"})
  void refusesUkLandlinesWithoutTheLandlinePermission(String raw) {
    assertThatThrownBy(() -> PhoneNumbers.validate(raw, true, false))
        .isInstanceOf(InvalidRecipientException.class)
        .hasMessage(NOT_UK_MOBILE);
  }

  @Test
  void acceptsUkLandlinesWithTheLandlinePermission() {
    assertThat(PhoneNumbers.validate("020 7946 0991", false, true).normalised())
        .isEqualTo("442079460991");
  }

  @ParameterizedTest
  @ValueSource(strings = {"07723456789", "07700900010", "+447797292290"})
  void acceptsUkMobilesWithoutAnyPermission(String raw) {
    assertThat(PhoneNumbers.validate(raw, false, false).countryCode()).isEqualTo(44);
  }

  @Test
  void refusesCountriesMissingFromTheBillingRateList() {
    assertThat(PhoneNumbers.parse("24741111").countryCode()).isEqualTo(247);
    assertThatThrownBy(() -> PhoneNumbers.validate("24741111", true, false))
        .isInstanceOf(InvalidRecipientException.class)
        .hasMessage("Not a valid country prefix");
  }

  @Test
  void checksTheInternationalPermissionBeforeTheCountryList() {
    assertThatThrownBy(() -> PhoneNumbers.validate("24741111", false, false))
        .hasMessage(NOT_UK_MOBILE);
  }

  @ParameterizedTest
  @CsvSource({
    "'+4407900 900 123', 447900900123",
    "'+1 928-282-4541', 19282824541",
    "1-202-555-0104, 12025550104",
    "0012025550104, 12025550104",
    "foo, foo",
    "'  not a number ', not a number",
  })
  void normalisesForGuestListComparison(String raw, String expected) {
    assertThat(PhoneNumbers.normaliseForComparison(raw)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"07700900000", "07700 900 111", "+447700900222"})
  void recognisesSmokeTestNumbers(String raw) {
    assertThat(PhoneNumbers.isSmokeTestNumber(PhoneNumbers.parse(raw).normalised())).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"447700900333", "447723456789", "07700900000"})
  void doesNotTreatOtherNumbersAsSmokeTests(String normalised) {
    assertThat(PhoneNumbers.isSmokeTestNumber(normalised)).isFalse();
  }
}

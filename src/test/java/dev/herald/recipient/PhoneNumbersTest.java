package dev.herald.recipient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cases from notifications-utils {@code tests/recipient_validation/test_phone_number.py}. */
class PhoneNumbersTest {

  private static final String TOO_LONG = "Too many digits";
  private static final String INVALID =
      "Number is not valid – double check the phone number you entered";
  private static final String SYMBOLS = "Must not contain letters or symbols";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "7723456789",
        "07723456789",
        "07723 456789",
        "07723-456-789",
        "00447723456789",
        "00 44 7723456789",
        "+447723456789",
        "+44 7723 456 789",
        "+44 (0)7723 456 789",
        "\u200b\t\t+44 (0)7723 456 789\ufeff \r\n",
        "(+44) 07723-456789",
      })
  void normalisesUkMobilesWrittenInManyWays(String raw) {
    PhoneNumber number = PhoneNumbers.parse(raw);

    assertThat(number.normalised()).isEqualTo("447723456789");
    assertThat(number.countryCode()).isEqualTo(44);
    assertThat(number.international()).isFalse();
    assertThat(number.ukLandline()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "07123456789, 447123456789",
    "'+44 7123 456 789', 447123456789",
    "'0044 7123456789', 447123456789",
    "'(+44) 07700-900855', 447700900855",
  })
  void acceptsUkMobilesInOtherFormats(String raw, String normalised) {
    assertThat(PhoneNumbers.parse(raw).normalised()).isEqualTo(normalised);
  }

  @ParameterizedTest
  @CsvSource({
    "'+7 (8) (495) 123-45-67', 74951234567",
    "'007 (8) (495) 123-45-67', 74951234567",
    "784951234567, 74951234567",
    "'+7 (8) 9876543210', 79876543210",
    "1-202-555-0104, 12025550104",
    "'+1 202 555 0104', 12025550104",
    "+12025550104, 12025550104",
    "0012025550104, 12025550104",
    "+0012025550104, 12025550104",
    "'230 5 2512345', 23052512345",
    "'+682 50 123', 68250123",
    "+33122334455, 33122334455",
    "0033122334455, 33122334455",
    "'+33 1 23 45 67 89', 33123456789",
    "'+43 676 111 222 333 4', 436761112223334",
    "77234567890, 77234567890",
    "20-12-1234-1234, 201212341234",
  })
  void recognisesInternationalNumbers(String raw, String normalised) {
    PhoneNumber number = PhoneNumbers.parse(raw);

    assertThat(number.normalised()).isEqualTo(normalised);
    assertThat(number.international()).isTrue();
    assertThat(number.ukLandline()).isFalse();
    assertThat(number.countryCode()).isNotEqualTo(44);
  }

  @ParameterizedTest
  @CsvSource({
    "+07044123456, 447044123456",
    "0+44(0)7779123456, 447779123456",
    "0+447988123456, 447988123456",
    "00447911123456, 447911123456",
    "04407379123456, 447379123456",
    "0447300123456, 447300123456",
    "000007392123456, 447392123456",
    "0007465123456, 447465123456",
    "007341123456, 447341123456",
    "001708123456, 441708123456",
    "+01158123456, 441158123456",
    "+03332123456, 443332123456",
    "+04915161123456, 4915161123456",
  })
  void givesCloseToValidNumbersTheBenefitOfTheDoubt(String raw, String normalised) {
    assertThat(PhoneNumbers.parse(raw).normalised()).isEqualTo(normalised);
  }

  @ParameterizedTest
  @CsvSource({
    "07700900010, 447700900010",
    "447700900020, 447700900020",
    "+447700900999, 447700900999"
  })
  void acceptsOfcomTvNumbersAsUkMobiles(String raw, String normalised) {
    PhoneNumber number = PhoneNumbers.parse(raw);

    assertThat(number.normalised()).isEqualTo(normalised);
    assertThat(number.international()).isFalse();
    assertThat(number.ukLandline()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0117 496 0860",
        "0044 117 496 0860",
        "44 117 496 0860",
        "+44 117 496 0860",
        "016064 1234",
        "020 7946 0991",
        "030 1234 5678",
        "0550 123 4567",
      })
  void marksUkLandlines(String raw) {
    PhoneNumber number = PhoneNumbers.parse(raw);

    assertThat(number.ukLandline()).isTrue();
    assertThat(number.international()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"+447797292290", "+447797333214"})
  void treatsCrownDependencyMobilesAsUk(String raw) {
    PhoneNumber number = PhoneNumbers.parse(raw);

    assertThat(number.countryCode()).isEqualTo(44);
    assertThat(number.international()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "772345678910",
        "0772345678910",
        "0044772345678910",
        "+44 (0)7723 456 789 10",
        "80100000000",
        "+12345 12345 12345 6",
        "(07417)4123456",
        "+0065951123456",
        "0038097123456",
        "00407833123456",
        "005915209123456",
        "009677337123456",
        "047354123456",
      })
  void refusesNumbersWithTooManyDigits(String raw) {
    assertRefused(raw, TOO_LONG);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0772345678",
        "004477234567",
        "00447723456",
        "+44 (0)7723 456 78",
        "1234567",
        "+682 1234",
        "0033877123456",
        "(06)25123456",
        "+00263 71123456",
        "00129123456",
        "003570123456",
        "0041903123456",
        "00617584123456",
        "0064 495123456",
        "00667123456",
        "0092363123456",
        "0049 160 123456",
      })
  void refusesNumbersThatAreNotValid(String raw) {
    assertRefused(raw, INVALID);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0400 123 4567",
        "0600 123 4567",
        "0300 46 46",
        "0800 11 12",
        "0845 46 31",
        "0845 46 46",
        "0900 123 4567",
      })
  void refusesUnusedShortAndPremiumRateUkNumbers(String raw) {
    assertRefused(raw, INVALID);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "07890x32109",
        "07723 456789...",
        "07723 ☟☜⬇⬆☞☝",
        "07723☟☜⬇⬆☞☝",
        "07\";DROP TABLE;\"",
        "+44 07ab cde fgh",
        "ALPHANUM3R1C",
        "abcd",
        "079OO900123",
      })
  void refusesLettersAndSymbols(String raw) {
    assertRefused(raw, SYMBOLS);
  }

  @Test
  void refusesAnEmptyNumberAsTooShort() {
    assertRefused("", "Not enough digits");
  }

  @Test
  void keepsTheNumberAsSentWithoutSurroundingWhitespace() {
    assertThat(PhoneNumbers.parse("\u200b +44 (0)7723 456 789 \n").asSent())
        .isEqualTo("+44 (0)7723 456 789");
  }

  private static void assertRefused(String raw, String message) {
    assertThatThrownBy(() -> PhoneNumbers.parse(raw))
        .isInstanceOf(InvalidRecipientException.class)
        .hasMessage(message);
  }
}

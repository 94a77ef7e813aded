package dev.herald.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsTextTest {

  @ParameterizedTest(name = "[{0}] becomes [{1}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "a|a",
        "`\t`|` `",
        "ç|c",
        "ő|o",
        "–|-",
        "—|-",
        "‑|-",
        "…|...",
        "‘|'",
        "’|'",
        "“|\"",
        "”|\"",
        "`\u00A0`|` `",
        "\u200B|``",
        "\uFEFF|``",
        "ŵ|ŵ",
        "Ŷ|Ŷ",
        "á|á",
        "é|é",
        "Ä|Ä",
        "€|€",
        "^|^",
        "Ł|?",
        "狗|?",
        "😀|?",
        "Ω|Ω",
      })
  void downgradesCharactersLikeNotify(String original, String sanitised) {
    assertThat(SmsText.sanitise(original)).isEqualTo(sanitised);
  }

  @Test
  void replacesEachSupplementaryCharacterWithOneQuestionMark() {
    assertThat(SmsText.sanitise("hi 😀👍")).isEqualTo("hi ??");
  }

  @ParameterizedTest(name = "{0} GSM characters make {1} fragments")
  @CsvSource({"1, 1", "160, 1", "161, 2", "306, 2", "307, 3", "459, 3", "460, 4", "918, 6"})
  void countsGsmFragments(int length, int fragments) {
    assertThat(SmsText.of("a".repeat(length)).fragmentCount()).isEqualTo(fragments);
  }

  @ParameterizedTest(name = "{0} characters with a Welsh ŵ make {1} fragments")
  @CsvSource({"70, 1", "71, 2", "134, 2", "135, 3"})
  void countsUcs2FragmentsWhenAWelshCharacterIsOutsideGsm(int length, int fragments) {
    SmsText sms = SmsText.of("ŵ" + "a".repeat(length - 1));

    assertThat(sms.needsUcs2()).isTrue();
    assertThat(sms.fragmentCount()).isEqualTo(fragments);
  }

  @Test
  void keepsGsmWelshLettersInGsm() {
    assertThat(SmsText.of("é à ü".repeat(40)).needsUcs2()).isFalse();
  }

  @Test
  void countsExtendedCharactersTwice() {
    assertThat(SmsText.of("^".repeat(80)).fragmentCount()).isEqualTo(1);
    assertThat(SmsText.of("€".repeat(81)).fragmentCount()).isEqualTo(2);
    assertThat(SmsText.of("€".repeat(81)).characterCount()).isEqualTo(81);
  }

  @Test
  void countsCharactersOfTheSanitisedText() {
    assertThat(SmsText.of("Wait…").characterCount()).isEqualTo(7);
  }

  @Test
  void includesTheServiceNamePrefixInFragmentsButNotInTheCharacterCount() {
    SmsText sms = SmsText.of("a".repeat(151));

    assertThat(sms.fragmentCount("Service")).isEqualTo(1);
    assertThat(SmsText.of("a".repeat(152)).fragmentCount("Service")).isEqualTo(2);
    assertThat(sms.characterCount()).isEqualTo(151);
  }

  @Test
  void isTooLongOnlyOverNineHundredAndEighteenCharacters() {
    assertThat(SmsText.MAX_CHARACTERS).isEqualTo(918);
    assertThat(SmsText.of("a".repeat(918)).isTooLong()).isFalse();
    assertThat(SmsText.of("a".repeat(919)).isTooLong()).isTrue();
  }
}

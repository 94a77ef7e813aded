package dev.herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputTextTest {

  @ParameterizedTest
  @ValueSource(strings = {"\u0000", "a\u0000b", "\ud800", "x\udc00", "\ud83d", "\ude00\ud83d"})
  void refusesNulAndUnpairedSurrogates(String text) {
    assertThat(InputText.isRefused(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Jo", "\ud83d\ude00", "a\ud83d\ude00b", "\u0001\t\n", "é€"})
  void acceptsEverythingElse(String text) {
    assertThat(InputText.isRefused(text)).isFalse();
  }
}

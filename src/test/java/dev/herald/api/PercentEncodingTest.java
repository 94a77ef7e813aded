package dev.herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PercentEncodingTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"a=%ZZ", "a=%", "a=%4", "%ZZ=1", "a=%00", "a=%C3", "a=%ED%A0%80", "a=1&b=%FF"})
  void refusesBadEscapesNulAndMalformedUtf8(String query) {
    assertThat(PercentEncoding.isCleanQuery(query)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a=1", "a=%C3%A9&b=%F0%9F%98%80", "to=a+b%40example.gov.uk", "a", "a=&&b=", ""})
  void acceptsStrictUtf8(String query) {
    assertThat(PercentEncoding.isCleanQuery(query)).isTrue();
  }

  @Test
  void countsParametersAsTomcatDoes() {
    assertThat(PercentEncoding.parameterCount("")).isZero();
    assertThat(PercentEncoding.parameterCount("a=1&&b=2&")).isEqualTo(2);
    assertThat(PercentEncoding.parameterCount("a&b&c")).isEqualTo(3);
  }
}

package dev.herald.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonStrTest {

  @Test
  void writesBooleansAndNullLikePython() {
    assertThat(PythonStr.of(true)).isEqualTo("True");
    assertThat(PythonStr.of(false)).isEqualTo("False");
    assertThat(PythonStr.of(null)).isEqualTo("None");
  }

  @Test
  void writesNumbersLikePython() {
    assertThat(PythonStr.of(1)).isEqualTo("1");
    assertThat(PythonStr.of(12345678901234567L)).isEqualTo("12345678901234567");
    assertThat(PythonStr.of(1.5)).isEqualTo("1.5");
    assertThat(PythonStr.of(1.0)).isEqualTo("1.0");
    assertThat(PythonStr.of(new BigDecimal("2.50"))).isEqualTo("2.5");
    assertThat(PythonStr.of(1e16)).isEqualTo("1e+16");
    assertThat(PythonStr.of(123456789012345.0)).isEqualTo("123456789012345.0");
    assertThat(PythonStr.of(0.0001)).isEqualTo("0.0001");
    assertThat(PythonStr.of(0.00001)).isEqualTo("1e-05");
    assertThat(PythonStr.of(-2.5e-7)).isEqualTo("-2.5e-07");
  }

  @Test
  void writesNestedCollectionsAsPythonReprs() {
    assertThat(PythonStr.of(Arrays.asList("a", 1, null, true))).isEqualTo("['a', 1, None, True]");
    assertThat(PythonStr.of(List.of("it's"))).isEqualTo("[\"it's\"]");
    assertThat(PythonStr.of(Map.of("k", "v"))).isEqualTo("{'k': 'v'}");
  }
}

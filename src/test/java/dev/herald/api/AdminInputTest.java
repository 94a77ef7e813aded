package dev.herald.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** The admin API's range and length checks, on JSON numbers of any size. */
class AdminInputTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static AdminInput input(String body) {
    return new AdminInput(JSON.readTree(body));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1e400 | is greater than the maximum of 100",
        "-1e400 | is less than the minimum of 1",
        "1e30 | is greater than the maximum of 100",
        "99999999999999999999 | is greater than the maximum of 100",
        "-99999999999999999999 | is less than the minimum of 1",
        "101 | is greater than the maximum of 100",
        "0 | is less than the minimum of 1",
        "2.5 | is not of type integer",
        "\"3\" | is not of type integer",
        "true | is not of type integer"
      })
  void refusesANumberOutsideItsRangeNamingTheFieldAndTheBound(String value, String message) {
    AdminInput in = input("{\"limit\": " + value + "}");
    assertThat(in.number("limit", 1, 100)).isNull();
    assertThatThrownBy(in::done)
        .isInstanceOfSatisfying(
            ApiException.class,
            e ->
                assertThat(e.getMessage())
                    .startsWith("ValidationError: limit ")
                    .endsWith(" " + message));
  }

  @Test
  void takesAWholeNumberWrittenWithAnExponent() {
    AdminInput in = input("{\"limit\": 1e2, \"other\": 100.0}");
    assertThat(in.number("limit", 1, 100)).isEqualTo(100L);
    assertThat(in.number("other", 1, 100)).isEqualTo(100L);
    in.done();
  }

  @Test
  void refusesAStringOverItsMaximumWithoutEchoingIt() {
    AdminInput in =
        input("{\"name\": \"" + "x".repeat(256) + "\", \"ok\": \"  " + "y".repeat(255) + " \"}");
    assertThat(in.string("name", true, 255)).isNull();
    assertThat(in.string("ok", true, 255)).isNotNull();
    assertThatThrownBy(in::done)
        .hasMessage("ValidationError: name is longer than the maximum of 255 characters");
  }
}

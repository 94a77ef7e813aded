package dev.herald.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class JsonBodiesTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"reference\":\"a\\u0000b\"}",
        "{\"a\\u0000\":1}",
        "[\"\\ud800\"]",
        "{\"p\":{\"q\":[1,{\"r\":\"\\udc00\"}]}}",
        "\"\\u0000\""
      })
  void refusesNulAndLoneSurrogatesAtAnyDepth(String body) {
    assertThatThrownBy(() -> JsonBodies.parse(JSON, body.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            ApiException.class,
            e ->
                assertThat(e.envelope().errors().getFirst().message())
                    .isEqualTo(JsonBodies.REFUSED_TEXT));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"name\":\"Jo \\ud83d\\ude00\"}", "{\"a\":[1,null,true,\"x\"]}"})
  void acceptsEverythingElse(String body) {
    assertThat(JsonBodies.parse(JSON, body.getBytes(StandardCharsets.UTF_8))).isNotNull();
  }
}

package dev.herald.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UuidsTest {

  private static final UUID ID = UUID.fromString("0123abcd-4567-89ef-0123-456789abcdef");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0123abcd-4567-89ef-0123-456789abcdef",
        "0123ABCD-4567-89EF-0123-456789ABCDEF",
        "0123abcd456789ef0123456789abcdef",
        "{0123abcd-4567-89ef-0123-456789abcdef}",
        "urn:uuid:0123abcd-4567-89ef-0123-456789abcdef",
        "0123abcd-4567-89ef-0123-4567-89abcdef",
      })
  void acceptsWhatPythonsUuidAccepts(String text) {
    assertThat(Uuids.parse(text)).contains(ID);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not-a-uuid",
        " 0123abcd-4567-89ef-0123-456789abcdef",
        "0123abcd-4567-89ef-0123-456789abcdef ",
        "0123abcd-4567-89ef-0123-456789abcdeg",
        "0123abcd-4567-89ef-0123-456789abcde",
        "0123abcd_4567-89ef-0123-456789abcdef",
        "0123abcd-4567-89ef-0123-456789abcd\uff26",
        "0123abcd-4567-89ef-0123-456789abcd\u0663f",
      })
  void refusesTheRest(String text) {
    assertThat(Uuids.parse(text)).isEmpty();
  }

  @Test
  void nothingIsNoId() {
    assertThat(Uuids.parse(null)).isEmpty();
  }
}

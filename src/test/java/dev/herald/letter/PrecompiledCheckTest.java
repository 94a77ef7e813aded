package dev.herald.letter;

import static dev.herald.letter.PrecompiledLetterBuilder.aPrecompiledLetter;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Notify's precompiled-letter rules, one by one and in their order (notify-letters.md §2.2). */
class PrecompiledCheckTest {

  @Test
  void anOrdinaryLetterPassesWithItsAddressAndPageCount() {
    PrecompiledOutcome outcome =
        PrecompiledCheck.check(aPrecompiledLetter().withPages(2).build(), false);

    assertThat(outcome.message()).isNull();
    assertThat(outcome.passed()).isTrue();
    assertThat(outcome.invalidPages()).isNull();
    assertThat(outcome.pageCount()).isEqualTo(2);
    assertThat(outcome.address().normalisedLines())
        .containsExactly("Ms A Person", "1 High Street", "London", "SW1A 1AA");
    assertThat(outcome.sanitised()).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void garbageIsUnreadable() {
    assertUnreadable(
        PrecompiledCheck.check("not a PDF at all".getBytes(StandardCharsets.UTF_8), false));
  }

  private static void assertUnreadable(PrecompiledOutcome outcome) {
    assertThat(outcome.message()).isEqualTo("unable-to-read-the-file");
    assertThat(outcome.invalidPages()).isNull();
    assertThat(outcome.pageCount()).isZero();
    assertThat(outcome.address()).isNull();
    assertThat(outcome.sanitised()).isNull();
  }
}

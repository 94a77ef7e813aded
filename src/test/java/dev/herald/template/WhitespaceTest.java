package dev.herald.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The shortcuts for text that is already normal give what the long way gives. */
class WhitespaceTest {

  @Test
  void normalTextComesBackAsItIs() {
    String text = "Hello Ada,\n\nyour code is 123.\nThanks";
    assertThat(Whitespace.normaliseLines(text)).isSameAs(text);
    assertThat(Whitespace.removeBeforePunctuation(text)).isSameAs(text);
    assertThat(Whitespace.normaliseMultipleNewlines(text)).isSameAs(text);
  }

  @Test
  void otherTextIsNormalised() {
    assertThat(Whitespace.normaliseLines(" a  b \r\nc\u200B\td\n")).isEqualTo("a b\nc d");
    assertThat(Whitespace.removeBeforePunctuation("a , b\t.")).isEqualTo("a, b.");
    assertThat(Whitespace.normaliseMultipleNewlines("a\n\n\n\nb")).isEqualTo("a\n\nb");
  }

  @Test
  void shortcutsAgreeWithTheLongWayOnRandomText() {
    Random random = new Random(20261124);
    String[] pieces = {
      "a", "b", ".", ",", " ", "  ", "\t", "\n", "\r", "\r\n", "\u200B", "\u00A0", "\u2028",
      "\u000B"
    };
    for (int run = 0; run < 50_000; run++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(10);
      for (int i = 0; i < length; i++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String value = text.toString();
      assertThat(Whitespace.normaliseLines(value))
          .as("%s", value.chars().boxed().toList())
          .isEqualTo(
              String.join(
                  "\n", Whitespace.splitLines(value).stream().map(Whitespace::normalise).toList()));
      assertThat(Whitespace.removeBeforePunctuation(value))
          .isEqualTo(value.replaceAll("[ \\t]+([,.])", "$1"));
      assertThat(Whitespace.normaliseMultipleNewlines(value))
          .isEqualTo(value.replaceAll("\\n{3,}", "\n\n"));
    }
  }
}

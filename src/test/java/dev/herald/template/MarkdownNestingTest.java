package dev.herald.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownNestingTest {

  private static final int LIMIT = EmailBody.MAX_NESTING;

  @ParameterizedTest(name = "[{0}] nested 800 and 1,400 deep")
  @ValueSource(strings = {"* ", "- ", "+ ", "1. ", "* > ", "1) "})
  void refusesListsAndQuotesNestedHundredsDeep(String level) {
    assertThat(EmailBody.isNestedTooDeeply("Hello\n\n" + level.repeat(800) + "x")).isTrue();
    assertThat(EmailBody.isNestedTooDeeply(level.repeat(1_400) + "x")).isTrue();
  }

  @Test
  void refusesOneLevelOverTheLimitAndAcceptsTheLimit() {
    assertThat(EmailBody.isNestedTooDeeply("* ".repeat(LIMIT) + "x")).isFalse();
    assertThat(EmailBody.isNestedTooDeeply("* ".repeat(LIMIT + 1) + "x")).isTrue();
  }

  @Test
  void refusesNestingBuiltLineByLineWithIndentation() {
    StringBuilder body = new StringBuilder();
    for (int level = 0; level <= LIMIT; level++) {
      body.append("  ".repeat(level)).append("* item ").append(level).append('\n');
    }
    assertThat(EmailBody.isNestedTooDeeply(body.toString())).isTrue();
    assertThat(EmailBody.isNestedTooDeeply(body.toString().replace("\n", "\r"))).isTrue();
  }

  @Test
  void refusesEmphasisNestedDeeperThanTheLimit() {
    String stars = "*".repeat(2 * LIMIT + 4);
    assertThat(EmailBody.isNestedTooDeeply(stars + "x" + stars)).isTrue();
  }

  @Test
  void acceptsTextThatOnlyLooksDeep() {
    assertThat(EmailBody.isNestedTooDeeply(">".repeat(500) + " an old reply")).isFalse();
    assertThat(EmailBody.isNestedTooDeeply("• ".repeat(500) + "x")).isFalse();
    assertThat(EmailBody.isNestedTooDeeply("-".repeat(500))).isFalse();
    assertThat(EmailBody.isNestedTooDeeply("**bold** and _it_ ".repeat(500))).isFalse();
    assertThat(EmailBody.isNestedTooDeeply("1234567890 ".repeat(500))).isFalse();
  }

  @Test
  void rendersABodyOfModerateDepth() {
    String body = "Hello\n\n" + "* ".repeat(20) + "x";

    assertThat(EmailBody.isNestedTooDeeply(body)).isFalse();
    EmailBody.Parts parts = EmailBody.parts(body);
    assertThat(parts.html()).contains("x");
    assertThat(parts.plainText()).contains("• x");
  }

  @Test
  void rendersTheDeepestBodyAllowedOnASmallStack() throws InterruptedException {
    String body = "* > ".repeat(LIMIT / 2 - 2) + "**_[x](https://example.com)_**";
    assertThat(EmailBody.isNestedTooDeeply(body)).isFalse();
    Throwable[] failure = new Throwable[1];
    Thread small =
        new Thread(
            null,
            () -> {
              try {
                EmailBody.parts(body);
              } catch (Throwable e) {
                failure[0] = e;
              }
            },
            "small-stack",
            256 * 1024);
    small.start();
    small.join();

    assertThat(failure[0]).isNull();
  }

  @Test
  void measuresDepthWithoutRecursion() {
    String body = "* ".repeat(20_000) + "x";

    assertThat(MarkdownNesting.depth(NotifyMarkdown.parse("1. ".repeat(10_000)), 1_000_000))
        .isEqualTo(10_000);
    assertThat(EmailBody.isNestedTooDeeply(body)).isTrue();
  }
}

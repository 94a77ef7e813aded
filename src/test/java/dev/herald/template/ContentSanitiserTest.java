package dev.herald.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentSanitiserTest {

  @Test
  void spacesOutBareDomainsThenEscapesTheirDots() {
    assertThat(ContentSanitiser.sanitise("example.com")).isEqualTo("example\\. com");
  }

  @Test
  void removesUrlsWithASchemeOrPath() {
    assertThat(ContentSanitiser.sanitise("go to https://evil.example/x?y=1 now"))
        .isEqualTo("go to  now");
    assertThat(ContentSanitiser.sanitise("see www.evil.example/")).isEqualTo("see ");
    assertThat(ContentSanitiser.sanitise("see evil.example/login")).isEqualTo("see ");
  }

  @Test
  void escapesEveryMarkdownCharacter() {
    assertThat(ContentSanitiser.sanitise("`*_(){}[]<>#+-.!|\\"))
        .isEqualTo("\\`\\*\\_\\(\\)\\{\\}\\[\\]\\<\\>\\#\\+\\-\\.\\!\\|\\\\");
  }

  @Test
  void sanitisesOnlyTheListedKeysIgnoringCaseAndReportsChanges() {
    Map<String, Object> personalisation =
        Map.of("Name", "[click](https://evil.example)", "plain", "Ada", "other", "a*b", "n", 5);

    ContentSanitiser.Result result =
        ContentSanitiser.sanitise(personalisation, List.of("name", "PLAIN", "n"));

    assertThat(result.personalisation())
        .containsEntry("Name", "\\[click\\]\\(")
        .containsEntry("plain", "Ada")
        .containsEntry("other", "a*b")
        .containsEntry("n", 5);
    assertThat(result.changes())
        .containsOnlyKeys("Name")
        .containsEntry(
            "Name", new ContentSanitiser.Change("[click](https://evil.example)", "\\[click\\]\\("));
  }
}

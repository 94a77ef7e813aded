package dev.herald.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Expected values are what notifications-utils gives (Python 3.11 {@code re}). */
class ContentSanitiserTest {

  static Stream<Arguments> notifyExamples() {
    return Stream.of(
        // bare domains are spaced out after each dot, then the dots escaped
        Arguments.of("example.com", "example\\. com"),
        Arguments.of("GOV.UK", "GOV\\. UK"),
        Arguments.of("www.gov.uk", "www\\. gov\\. uk"),
        Arguments.of("sub.domain.example.co.uk", "sub\\. domain\\. example\\. co\\. uk"),
        Arguments.of("a-b.com", "a\\-b\\. com"),
        Arguments.of("-a.com", "\\-a\\. com"),
        Arguments.of("a.b1.com", "a\\. b1\\. com"),
        Arguments.of("a.bc", "a\\. bc"),
        // the match stops at the domain's end unless a path, query or fragment follows
        Arguments.of("example.com.", "example\\. com\\."),
        Arguments.of(
            "see example.com, then example.org!", "see example\\. com, then example\\. org\\!"),
        Arguments.of("x.com.x1", "x\\. com\\.x1"),
        Arguments.of("[click here](https://example.com)", "\\[click here\\]\\(\\)"),
        // a scheme, path, query or fragment, or a character outside [A-Za-z0-9.-], removes it
        Arguments.of("http://example.com", ""),
        Arguments.of("https://example.com/path?q=1#top", ""),
        Arguments.of("go to https://evil.example/x?y=1 now", "go to  now"),
        Arguments.of("HTTPS://EXAMPLE.COM/A", ""),
        Arguments.of("Http://Example.Com", ""),
        Arguments.of("example.com?x", ""),
        Arguments.of("see www.evil.example/", "see "),
        Arguments.of("a_b.com", ""),
        Arguments.of("_a.com", ""),
        Arguments.of("münchen.de", ""),
        Arguments.of("日本.com", ""),
        Arguments.of("a.\u0130\u0130", ""),
        Arguments.of("a.co\u212A", ""),
        Arguments.of("http://a.com.b-c1", "\\.b\\-c1"),
        // the path runs to the next whitespace or '<'
        Arguments.of("example.com/path<b>", "\\<b\\>"),
        Arguments.of("<a href=https://e.com>x</a>", "\\<a href=\\>x\\</a\\>"),
        Arguments.of("a.com/\u00A0b", "\u00A0b"),
        Arguments.of("example.com\u00A0x", "example\\. com\u00A0x"),
        // only http and https are schemes; other schemes stay, their host goes
        Arguments.of("ftp://example.com/file", "ftp://"),
        Arguments.of("a.b-https://c.com", "a\\.b\\-"),
        Arguments.of("https://x", "https://x"),
        Arguments.of("https:// x.com", "https:// x\\. com"),
        // no match starts after '@' or '.', and no TLD is followed by '@'
        Arguments.of("john.smith@example.com", "john\\.smith@example\\.com"),
        Arguments.of("mailto:someone@example.com", "mailto:someone@example\\.com"),
        Arguments.of("a.com@b", "a\\.com@b"),
        Arguments.of("http://@x.com", "http://@x\\.com"),
        Arguments.of("x@a-b.com", "x@a\\-b\\. com"),
        // a TLD is 2 to 63 letters followed by a word boundary
        Arguments.of("a.b.c1", "a\\.b\\.c1"),
        Arguments.of("a.b", "a\\.b"),
        Arguments.of("e.g.", "e\\.g\\."),
        Arguments.of("1.2.3.4", "1\\.2\\.3\\.4"),
        Arguments.of("version 2.0.1", "version 2\\.0\\.1"),
        Arguments.of("a..com", "a\\.\\.com"),
        Arguments.of("example.münchen", "example\\.münchen"),
        Arguments.of("a." + "b".repeat(63), "a\\. " + "b".repeat(63)),
        Arguments.of("a." + "b".repeat(64), "a\\." + "b".repeat(64)),
        // markdown
        Arguments.of("**bold** and _it_", "\\*\\*bold\\*\\* and \\_it\\_"),
        Arguments.of("Kaboom!", "Kaboom\\!"));
  }

  @ParameterizedTest(name = "[{0}] becomes [{1}]")
  @MethodSource("notifyExamples")
  void removesLinksAndEscapesMarkdownLikeNotify(String value, String sanitised) {
    assertThat(ContentSanitiser.sanitise(value)).isEqualTo(sanitised);
  }

  @Test
  void escapesEveryMarkdownCharacter() {
    assertThat(ContentSanitiser.sanitise("`*_(){}[]<>#+-.!|\\"))
        .isEqualTo("\\`\\*\\_\\(\\)\\{\\}\\[\\]\\<\\>\\#\\+\\-\\.\\!\\|\\\\");
  }

  @Test
  void keepsSupplementaryCharactersWhole() {
    assertThat(ContentSanitiser.sanitise("😀 a.com 😀.")).isEqualTo("😀 a\\. com 😀\\.");
  }

  static Stream<Arguments> adversarialValues() {
    return Stream.of(
        Arguments.of("a.".repeat(50_000)),
        Arguments.of("a-".repeat(50_000)),
        Arguments.of("a.a" + "-a".repeat(50_000)),
        Arguments.of("-a.".repeat(50_000)),
        Arguments.of("a-a.".repeat(25_000) + "1"),
        Arguments.of("a.com." + "x-x.".repeat(25_000)),
        Arguments.of("x.com".repeat(20_000) + "1"),
        Arguments.of("https://a." + "b-".repeat(50_000)),
        Arguments.of("a-https://".repeat(10_000)),
        Arguments.of("a.com/" + "x".repeat(100_000)));
  }

  @ParameterizedTest
  @MethodSource("adversarialValues")
  void looksAtEachCharacterABoundedNumberOfTimes(String value) {
    UrlScanner scanner = new UrlScanner(value);
    scanner.withoutUrls();

    assertThat(scanner.steps()).isLessThanOrEqualTo(4L * value.length());
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS) // a safety net; the step count is the assertion
  void sanitisesAMillionCharacterAdversarialValue() {
    String value = "a-".repeat(250_000) + "a.".repeat(250_000);

    assertThat(ContentSanitiser.sanitise(value)).hasSize(value.length() * 3 / 2);
  }

  @Test
  void sanitisesOnlyTheListedKeysIgnoringCaseAndReportsChanges() {
    Map<String, Object> personalisation =
        Map.of("Name", "[click](https://evil.example)", "plain", "Ada", "other", "a*b", "n", 5);

    ContentSanitiser.Result result =
        ContentSanitiser.sanitise(personalisation, List.of("name", "PLAIN", "n"));

    assertThat(result.personalisation())
        .containsEntry("Name", "\\[click\\]\\(\\)")
        .containsEntry("plain", "Ada")
        .containsEntry("other", "a*b")
        .containsEntry("n", 5);
    assertThat(result.changes())
        .containsOnlyKeys("Name")
        .containsEntry(
            "Name",
            new ContentSanitiser.Change("[click](https://evil.example)", "\\[click\\]\\(\\)"));
  }
}

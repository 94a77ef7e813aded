package dev.herald.template;

import static dev.herald.template.TemplateType.EMAIL;
import static dev.herald.template.TemplateType.LETTER;
import static dev.herald.template.TemplateType.SMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateRendererTest {

  @Test
  void fillsPlaceholdersWhateverTheKeyCase() {
    RenderedTemplate email =
        TemplateRenderer.render(
            EMAIL,
            "Hi ((Name))",
            "Dear ((first name))",
            Map.of("NAME", "Ada", "First_Name", "Ada"));

    assertThat(email.body()).isEqualTo("Dear Ada");
    assertThat(email.subject()).isEqualTo("Hi Ada");
  }

  @Test
  void writesListsAsMarkdownInEmailBodies() {
    RenderedTemplate email =
        TemplateRenderer.render(
            EMAIL, "((things))", "You need:((things))", Map.of("things", List.of("a", "b", "c")));

    assertThat(email.body()).isEqualTo("You need:\n\n* a\n* b\n* c");
    assertThat(email.subject()).isEqualTo("a, b and c");
  }

  @Test
  void writesListsAsProseInTextMessagesDroppingEmptyItems() {
    Map<String, Object> values = Map.of("things", Arrays.asList("a", null, " ", "b\u200B", "c"));

    assertThat(TemplateRenderer.render(SMS, null, "((things))", values).body())
        .isEqualTo("a, b and c");
    assertThat(
            TemplateRenderer.render(SMS, null, "((things))", Map.of("things", List.of("a"))).body())
        .isEqualTo("a");
  }

  @Test
  void writesLettersLikeEmails() {
    RenderedTemplate letter =
        TemplateRenderer.render(LETTER, "Re: ((x))", "((x))", Map.of("x", List.of("a", "b")));

    assertThat(letter.body()).isEqualTo("* a\n* b");
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "Y", "true", "T", "1", "include", "SHOW"})
  void showsConditionalTextForTruthyValues(String value) {
    assertThat(render("Hi((warning??, be careful)).", Map.of("warning", value)))
        .isEqualTo("Hi, be careful.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"no", "false", "0", "", "yes please"})
  void hidesConditionalTextForOtherValues(String value) {
    assertThat(render("Hi((warning??, be careful)).", Map.of("warning", value))).isEqualTo("Hi.");
  }

  @Test
  void treatsJsonBooleansAndNumbersLikePythonStr() {
    assertThat(render("((a??shown))", Map.of("a", true))).isEqualTo("shown");
    assertThat(render("((a??shown))", Map.of("a", 1))).isEqualTo("shown");
    assertThat(render("((a)) ((b)) ((c))", Map.of("a", true, "b", 1.5, "c", 2)))
        .isEqualTo("True 1.5 2");
  }

  @Test
  void keepsEmailMarkdownAndStripsOuterWhitespace() {
    assertThat(render("  # Title\n\n**((name))**  \n", Map.of("name", "<b>Ada</b>")))
        .isEqualTo("# Title\n\n**<b>Ada</b>**");
  }

  @Test
  void normalisesWhitespaceAndNewlinesInTextMessages() {
    RenderedTemplate sms =
        TemplateRenderer.render(
            SMS, null, "  Hello   ((name)) ,\r\n\n\n\nBye\t now .  ", Map.of("name", "Ada"));

    assertThat(sms.body()).isEqualTo("Hello Ada,\n\nBye now.");
    assertThat(sms.subject()).isNull();
  }

  @Test
  void downgradesTextMessagesToGsm() {
    assertThat(TemplateRenderer.render(SMS, null, "It’s “((x))” – ok…", Map.of("x", "fine")).body())
        .isEqualTo("It's \"fine\" - ok...");
  }

  @Test
  void makesEmailSubjectQuotesSmartAndDashesEn() {
    RenderedTemplate email =
        TemplateRenderer.render(
            EMAIL, "  \"Hello\"   it's   ((name)) - ok ", "Body", Map.of("name", "Ada"));

    assertThat(email.subject()).isEqualTo("“Hello” it’s Ada – ok");
  }

  @Test
  void leavesApostrophesInEmailAddressesStraight() {
    assertThat(TemplateRenderer.render(EMAIL, "Mail o'brien@example.com", "x", Map.of()).subject())
        .isEqualTo("Mail o'brien@example.com");
  }

  @Test
  void escapesHtmlInLetterSubjectsButNotEmailSubjects() {
    Map<String, Object> values = Map.of("x", "<b>&</b>");

    assertThat(TemplateRenderer.render(LETTER, "((x))", "b", values).subject())
        .isEqualTo("&lt;b&gt;&amp;&lt;/b&gt;");
    assertThat(TemplateRenderer.render(EMAIL, "((x))", "b", values).subject())
        .isEqualTo("<b>&</b>");
  }

  @Test
  void leavesPlaceholdersWithoutAValueAsWritten() {
    assertThat(render("Hi ((name)) ((x??y))", Map.of())).isEqualTo("Hi ((name)) ((x??y))");
  }

  @Test
  void detectsAnEmptyTextMessage() {
    assertThat(
            TemplateRenderer.render(SMS, null, "((a)) \u200B ((b))", Map.of("a", " ", "b", ""))
                .empty())
        .isTrue();
    assertThat(TemplateRenderer.render(SMS, null, "((a)).", Map.of("a", "")).empty()).isFalse();
  }

  @Test
  void detectsAnEmptyEmailOnlyWhenTheContentStartsAndEndsWithAPlaceholder() {
    assertThat(TemplateRenderer.render(EMAIL, "s", "((a))((b))", Map.of("a", " ", "b", "")).empty())
        .isTrue();
    assertThat(TemplateRenderer.render(EMAIL, "s", "((a))", Map.of("a", "x")).empty()).isFalse();
    assertThat(TemplateRenderer.render(EMAIL, "s", " ((a))", Map.of("a", "")).empty()).isFalse();
    assertThat(TemplateRenderer.render(EMAIL, "s", "", Map.of()).empty()).isTrue();
  }

  private static String render(String content, Map<String, ?> values) {
    return TemplateRenderer.render(EMAIL, "s", content, values).body();
  }
}

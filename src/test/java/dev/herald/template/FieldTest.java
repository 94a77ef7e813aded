package dev.herald.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** {@link Field#fill} scans by hand; it must find exactly what Notify's regex finds. */
class FieldTest {

  private static final Map<String, Object> VALUES =
      Map.of(
          "name", "Ada",
          "Show", "yes",
          "hide", "no",
          "list", List.of("a", "b", "c"),
          "odd", "((name)) $1 \\ (x)");

  @Test
  void fillsWhatTheRegexFinds() {
    assertThat(
            Field.fill(
                "Dear ((name)), ((show??Shown)) ((hide??Hidden)) ((missing))",
                VALUES,
                Field.Lists.PROSE))
        .isEqualTo("Dear Ada, Shown  ((missing))");
    assertThat(Field.fill("(((name))) ((a(b)) (()) ((name)", VALUES, Field.Lists.PROSE))
        .isEqualTo("(Ada) ((a(b)) (()) ((name)");
    assertThat(Field.fill("((odd)) ((list))", VALUES, Field.Lists.PROSE))
        .isEqualTo("((name)) $1 \\ (x) a, b and c");
  }

  @Test
  void agreesWithTheRegexOnRandomText() {
    Random random = new Random(20261124);
    String[] pieces = {"(", ")", "((", "))", "name", "show", "hide", "??", "x", " ", "\n", "list"};
    for (int run = 0; run < 20_000; run++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(12);
      for (int i = 0; i < length; i++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String content = text.toString();
      for (Field.Lists lists : Field.Lists.values()) {
        assertThat(Field.fill(content, VALUES, lists))
            .as(content)
            .isEqualTo(byRegex(content, VALUES, lists, UnaryOperator.identity()));
        assertThat(Field.fill(content, VALUES, lists, HtmlEscape::escape))
            .as(content)
            .isEqualTo(byRegex(content, VALUES, lists, HtmlEscape::escape));
      }
    }
  }

  /** The regex implementation the scanner replaced, kept as the reference. */
  private static String byRegex(
      String content, Map<String, ?> values, Field.Lists lists, UnaryOperator<String> escaper) {
    Map<String, Object> byKey = new java.util.HashMap<>();
    values.forEach((name, value) -> byKey.put(Placeholders.key(name), value));
    Matcher matcher = Placeholders.PATTERN.matcher(escaper.apply(content));
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      String body = matcher.group(1);
      String name = Placeholders.nameOf(body);
      Object value = byKey.get(Placeholders.key(name));
      String replacement;
      if (value == null) {
        replacement = matcher.group();
      } else {
        // One value at a time through fill itself: a text that is just the placeholder.
        replacement = Field.fill("((" + name + "))", values, lists, escaper);
        if (!name.equals(body)) {
          String shown = replacement.toLowerCase(java.util.Locale.ROOT);
          replacement =
              List.of("yes", "y", "true", "t", "1", "include", "show").contains(shown)
                  ? body.substring(name.length() + 2)
                  : "";
        }
      }
      matcher.appendReplacement(filled, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(filled);
    return filled.toString();
  }
}

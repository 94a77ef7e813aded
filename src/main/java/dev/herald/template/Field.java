package dev.herald.template;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Substitutes personalisation into one text, like Notify's {@code Field}. */
final class Field {

  /** How a list value is written out. */
  enum Lists {
    /** {@code "\n\n* a\n* b"}, for email and letter bodies. */
    MARKDOWN,
    /** {@code "a, b and c"}, for text messages and subjects. */
    PROSE
  }

  private static final Set<String> TRUTHY = Set.of("yes", "y", "true", "t", "1", "include", "show");

  private Field() {}

  static String fill(String content, Map<String, ?> values, Lists lists) {
    return fill(content, values, lists, UnaryOperator.identity());
  }

  /**
   * Each {@code ((name))} or {@code ((name??text))} filled in, as Notify's {@code \(\(([^()]+)\)\)}
   * finds them, scanned by hand: the regex search was a quarter of the cost of rendering a page of
   * 250 notifications (JFR, 300k rows) (FieldTest checks the two agree).
   */
  static String fill(
      String content, Map<String, ?> values, Lists lists, UnaryOperator<String> escaper) {
    String text = escaper.apply(content);
    int open = text.indexOf("((");
    if (open < 0) {
      return text;
    }
    Personalisation personalisation = Personalisation.of(values);
    StringBuilder filled = new StringBuilder(text.length() + 32);
    int copied = 0;
    while (open >= 0) {
      int close = open + 2;
      while (close < text.length() && text.charAt(close) != '(' && text.charAt(close) != ')') {
        close++;
      }
      if (close == open + 2 || !text.startsWith("))", close)) {
        open = text.indexOf("((", open + 1);
        continue;
      }
      String body = text.substring(open + 2, close);
      String name = Placeholders.nameOf(body);
      Object value = personalisation.get(name);
      filled.append(text, copied, open);
      if (value == null) {
        filled.append(text, open, close + 2);
      } else {
        String replacement = escaper.apply(replacement(value, lists));
        if (!name.equals(body)) {
          replacement = showsConditional(replacement) ? body.substring(name.length() + 2) : "";
        }
        filled.append(replacement);
      }
      copied = close + 2;
      open = text.indexOf("((", copied);
    }
    filled.append(text, copied, text.length());
    return filled.toString();
  }

  private static String replacement(Object value, Lists lists) {
    if (!(value instanceof List<?> list)) {
      return PythonStr.of(value);
    }
    List<String> items =
        list.stream()
            .filter(Objects::nonNull)
            .map(item -> Whitespace.stripAndRemoveObscure(PythonStr.of(item)))
            .filter(item -> !item.isEmpty())
            .toList();
    if (items.isEmpty()) {
      return "";
    }
    if (lists == Lists.MARKDOWN) {
      return "\n\n* " + String.join("\n* ", items);
    }
    return prose(items);
  }

  static String prose(List<String> items) {
    if (items.size() == 1) {
      return items.getFirst();
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
  }

  private static boolean showsConditional(String value) {
    return !value.isEmpty() && TRUTHY.contains(value.toLowerCase(java.util.Locale.ROOT));
  }
}

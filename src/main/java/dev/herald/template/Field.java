package dev.herald.template;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;

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

  static String fill(
      String content, Map<String, ?> values, Lists lists, UnaryOperator<String> escaper) {
    Personalisation personalisation = Personalisation.of(values);
    Matcher matcher = Placeholders.PATTERN.matcher(escaper.apply(content));
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      String body = matcher.group(1);
      String name = Placeholders.nameOf(body);
      Object value = personalisation.get(name);
      String replacement;
      if (value == null) {
        replacement = matcher.group();
      } else {
        replacement = escaper.apply(replacement(value, lists));
        if (!name.equals(body)) {
          replacement = showsConditional(replacement) ? body.substring(name.length() + 2) : "";
        }
      }
      matcher.appendReplacement(filled, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(filled);
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

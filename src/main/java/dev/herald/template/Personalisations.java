package dev.herald.template;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Personalisation as plain Java values (strings, numbers, booleans, lists, maps) from JSON. */
public final class Personalisations {

  private Personalisations() {}

  @SuppressWarnings("unchecked")
  public static Map<String, Object> fromJson(ObjectMapper json, JsonNode node) {
    if (node == null || node.isNull() || !node.isObject()) {
      return new LinkedHashMap<>();
    }
    return json.treeToValue(node, LinkedHashMap.class);
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> fromJson(ObjectMapper json, String text) {
    if (text == null) {
      return new LinkedHashMap<>();
    }
    return json.readValue(text, LinkedHashMap.class);
  }

  /**
   * The text of each value, as Notify reads a letter's address: Python's {@code str(value or "")},
   * so that {@code null}, {@code false}, {@code 0} and empty values are empty.
   */
  public static Map<String, String> asText(Map<String, Object> personalisation) {
    Map<String, String> text = new LinkedHashMap<>();
    personalisation.forEach((key, value) -> text.put(key, falsy(value) ? "" : PythonStr.of(value)));
    return text;
  }

  private static boolean falsy(Object value) {
    return switch (value) {
      case null -> true;
      case Boolean bool -> !bool;
      case String string -> string.isEmpty();
      case Number number -> number.doubleValue() == 0;
      case Collection<?> collection -> collection.isEmpty();
      case Map<?, ?> map -> map.isEmpty();
      default -> false;
    };
  }
}

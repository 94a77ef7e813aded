package dev.herald.template;

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
}

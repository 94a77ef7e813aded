package dev.herald.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Query strings shaped as Notify validates them: named parameters as arrays of every value given,
 * the rest as their first value.
 */
public final class QueryParameters {

  private QueryParameters() {}

  public static JsonNode toJson(
      MultiValueMap<String, String> query, Collection<String> repeatable) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, List<String>> entry : query.entrySet()) {
      if (repeatable.contains(entry.getKey())) {
        var array = node.putArray(entry.getKey());
        entry.getValue().forEach(array::add);
      } else {
        node.put(entry.getKey(), entry.getValue().getFirst());
      }
    }
    return node;
  }
}

package dev.herald.api;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Parses request bodies whatever their Content-Type, as Notify does ({@code force=True}), and
 * refuses every body with a string (key or value, at any depth) that {@link InputText} refuses, so
 * that no such text reaches a check, a log line or the database.
 */
public final class JsonBodies {

  static final String REFUSED_TEXT =
      "Invalid JSON supplied in POST data: text " + InputText.REFUSED;

  private JsonBodies() {}

  /** The body as a JSON tree; a {@code null} body is {@code {}}, an empty one is invalid JSON. */
  public static JsonNode parse(ObjectMapper mapper, byte[] body) {
    if (body == null || body.length == 0) {
      throw ApiException.badRequest("Invalid JSON supplied in POST data");
    }
    return parseOrEmpty(mapper, body);
  }

  /** The body as a JSON tree, where an empty body is allowed and means {@code {}}. */
  public static JsonNode parseOrEmpty(ObjectMapper mapper, byte[] body) {
    if (body == null || body.length == 0) {
      return JsonNodeFactory.instance.objectNode();
    }
    try {
      JsonNode node = mapper.readTree(body);
      if (node == null || node.isNull() || node.isMissingNode()) {
        return JsonNodeFactory.instance.objectNode();
      }
      refuseText(node);
      return node;
    } catch (JacksonException e) {
      throw ApiException.badRequest("Invalid JSON supplied in POST data");
    }
  }

  /**
   * Walks the tree without recursion: the parser's nesting limit bounds its size, not the stack.
   */
  private static void refuseText(JsonNode root) {
    Deque<JsonNode> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      if (node.isString()) {
        refuse(node.asString());
      } else if (node.isObject()) {
        for (Map.Entry<String, JsonNode> property : node.properties()) {
          refuse(property.getKey());
          pending.push(property.getValue());
        }
      } else if (node.isArray()) {
        node.values().forEach(pending::push);
      }
    }
  }

  private static void refuse(String text) {
    if (InputText.isRefused(text)) {
      throw ApiException.badRequest(REFUSED_TEXT);
    }
  }
}

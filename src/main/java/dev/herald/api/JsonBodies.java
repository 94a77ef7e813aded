package dev.herald.api;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** Parses request bodies whatever their Content-Type, as Notify does ({@code force=True}). */
public final class JsonBodies {

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
      return node == null || node.isNull() || node.isMissingNode()
          ? JsonNodeFactory.instance.objectNode()
          : node;
    } catch (JacksonException e) {
      throw ApiException.badRequest("Invalid JSON supplied in POST data");
    }
  }
}

package dev.herald.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Reads an admin request body field by field, collecting every problem into one 400 ValidationError
 * in the v2 message style.
 */
public final class AdminInput {

  private final JsonNode body;
  private final Set<String> known = new LinkedHashSet<>();
  private final List<String> errors = new ArrayList<>();

  public AdminInput(JsonNode body) {
    this.body = body;
    if (!body.isObject()) {
      throw ApiException.validation("Request body must be a JSON object");
    }
  }

  public boolean has(String field) {
    known.add(field);
    return body.has(field) && !body.get(field).isNull();
  }

  public String string(String field, boolean required) {
    return text(field, required, true);
  }

  /** A string that must not be echoed in an error (a token, a password). */
  public String secret(String field, boolean required) {
    return text(field, required, false);
  }

  private String text(String field, boolean required, boolean echo) {
    if (!has(field)) {
      if (required) {
        errors.add(field + " is a required property");
      }
      return null;
    }
    JsonNode value = body.get(field);
    if (!value.isString()) {
      errors.add(field + (echo ? " " + value : "") + " is not of type string");
      return null;
    }
    if (required && value.asString().isBlank()) {
      errors.add(field + " must not be blank");
      return null;
    }
    return value.asString();
  }

  public Boolean bool(String field) {
    if (!has(field)) {
      return null;
    }
    JsonNode value = body.get(field);
    if (!value.isBoolean()) {
      errors.add(field + " " + value + " is not of type boolean");
      return null;
    }
    return value.asBoolean();
  }

  public Long number(String field, long minimum) {
    if (!has(field)) {
      return null;
    }
    JsonNode value = body.get(field);
    if (!value.isIntegralNumber()) {
      errors.add(field + " " + value + " is not of type integer");
      return null;
    }
    if (value.asLong() < minimum) {
      errors.add(field + " " + value + " is less than the minimum of " + minimum);
      return null;
    }
    return value.asLong();
  }

  public List<String> strings(String field) {
    if (!has(field)) {
      return null;
    }
    JsonNode value = body.get(field);
    List<String> result = new ArrayList<>();
    if (!value.isArray()) {
      errors.add(field + " " + value + " is not of type array");
      return null;
    }
    for (JsonNode item : value) {
      if (!item.isString()) {
        errors.add(field + " " + item + " is not of type string");
      } else {
        result.add(item.asString());
      }
    }
    return result;
  }

  public String oneOf(String field, boolean required, Set<String> allowed) {
    String value = string(field, required);
    if (value != null && !allowed.contains(value)) {
      errors.add(field + " " + value + " is not one of " + new TreeSet<>(allowed));
      return null;
    }
    return value;
  }

  public void error(String message) {
    errors.add(message);
  }

  /** Throws the collected problems, including fields nobody asked for. */
  public void done() {
    List<String> unexpected = new ArrayList<>();
    body.propertyNames()
        .forEach(
            name -> {
              if (!known.contains(name)) {
                unexpected.add(name);
              }
            });
    if (!unexpected.isEmpty()) {
      errors.add(
          "Additional properties are not allowed ("
              + String.join(", ", unexpected)
              + (unexpected.size() == 1 ? " was" : " were")
              + " unexpected)");
    }
    if (!errors.isEmpty()) {
      throw ApiException.validation(errors);
    }
  }
}

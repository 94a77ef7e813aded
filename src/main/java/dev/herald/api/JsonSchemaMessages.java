package dev.herald.api;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Turns networknt's errors into the messages Python's jsonschema (Draft 7) gives Notify, ordered as
 * Python reports them: by the failing keyword's place in the schema document.
 */
final class JsonSchemaMessages {

  private static final String VALIDATION_MESSAGE = "validationMessage";

  private final JsonNode root;
  private final Map<String, Function<JsonNode, Optional<String>>> formats;
  private final Map<String, Integer> documentOrder = new HashMap<>();

  JsonSchemaMessages(JsonNode root, Map<String, Function<JsonNode, Optional<String>>> formats) {
    this.root = root;
    this.formats = formats;
    number(root, "");
  }

  List<String> translate(List<Error> errors) {
    List<Error> sorted = new ArrayList<>(errors);
    sorted.sort(Comparator.comparingInt(this::positionInSchema));
    // networknt reports each unexpected property apart; Python names them all in one message.
    Map<Object, List<Error>> grouped = new LinkedHashMap<>();
    for (Error error : sorted) {
      Object key =
          error.getKeyword().equals("additionalProperties")
              ? List.of(error.getSchemaLocation(), error.getInstanceLocation())
              : error;
      grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(error);
    }
    LinkedHashSet<String> messages = new LinkedHashSet<>();
    grouped.values().forEach(group -> messages.add(message(group)));
    return List.copyOf(messages);
  }

  private String message(List<Error> group) {
    Error error = group.getFirst();
    NodePath path = error.getInstanceLocation();
    Object field = path.getNameCount() > 0 ? path.getElement(0) : null;
    JsonNode owner = schemaOwning(error);
    if (owner.has(VALIDATION_MESSAGE)) {
      String prefix = field == null ? "" : field.toString();
      return (prefix + " " + owner.get(VALIDATION_MESSAGE).asString()).strip();
    }
    String text = text(group).replace("'", "");
    boolean truthy = field != null && !field.equals(0) && !field.equals("");
    return truthy ? field + " " + text : text;
  }

  private String text(List<Error> group) {
    Error error = group.getFirst();
    JsonNode instance = error.getInstanceNode();
    JsonNode value = error.getSchemaNode();
    String repr = PythonRepr.repr(instance);
    return switch (error.getKeyword()) {
      case "type" -> repr + " is not of type " + types(value);
      case "enum" -> repr + " is not one of " + PythonRepr.repr(value);
      case "const" -> PythonRepr.repr(value) + " was expected";
      case "required" -> PythonRepr.string(error.getProperty()) + " is a required property";
      case "additionalProperties" -> additionalProperties(group);
      case "minLength", "minItems" ->
          repr + (value.asInt() == 1 ? " should be non-empty" : " is too short");
      case "maxLength", "maxItems" ->
          repr + (value.asInt() == 0 ? " is expected to be empty" : " is too long");
      case "minProperties" ->
          repr + (value.asInt() == 1 ? " should be non-empty" : " does not have enough properties");
      case "maxProperties" ->
          repr + (value.asInt() == 0 ? " is expected to be empty" : " has too many properties");
      case "minimum" -> repr + " is less than the minimum of " + PythonRepr.repr(value);
      case "maximum" -> repr + " is greater than the maximum of " + PythonRepr.repr(value);
      case "exclusiveMinimum" ->
          repr + " is less than or equal to the minimum of " + PythonRepr.repr(value);
      case "exclusiveMaximum" ->
          repr + " is greater than or equal to the maximum of " + PythonRepr.repr(value);
      case "multipleOf" -> repr + " is not a multiple of " + PythonRepr.repr(value);
      case "pattern" -> repr + " does not match " + PythonRepr.repr(value);
      case "format" -> format(value.asString(), instance, repr);
      case "not" -> repr + " should not be valid under " + PythonRepr.repr(value);
      case "anyOf", "oneOf" -> repr + " is not valid under any of the given schemas";
      case "uniqueItems" -> repr + " has non-unique elements";
      default -> error.getMessage();
    };
  }

  private String format(String name, JsonNode instance, String repr) {
    Function<JsonNode, Optional<String>> check = formats.get(name);
    Optional<String> reason = check == null ? Optional.empty() : check.apply(instance);
    return reason.orElse(repr + " is not a " + PythonRepr.string(name));
  }

  private static String types(JsonNode value) {
    if (!value.isArray()) {
      return PythonRepr.repr(value);
    }
    List<String> names = new ArrayList<>();
    value.values().forEach(type -> names.add(PythonRepr.repr(type)));
    return String.join(", ", names);
  }

  private static String additionalProperties(List<Error> group) {
    TreeSet<String> extras = new TreeSet<>();
    group.forEach(error -> extras.add(PythonRepr.string(error.getProperty())));
    String verb = extras.size() == 1 ? "was" : "were";
    return "Additional properties are not allowed (%s %s unexpected)"
        .formatted(String.join(", ", extras), verb);
  }

  /** The schema object holding the failing keyword, where a {@code validationMessage} may sit. */
  private JsonNode schemaOwning(Error error) {
    NodePath fragment = error.getSchemaLocation().getFragment();
    JsonNode node = root;
    for (int i = 0; i < fragment.getNameCount() - 1; i++) {
      Object element = fragment.getElement(i);
      node = element instanceof Integer index ? node.path(index) : node.path(element.toString());
    }
    return node;
  }

  private int positionInSchema(Error error) {
    NodePath fragment = error.getSchemaLocation().getFragment();
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < fragment.getNameCount(); i++) {
      pointer.append('/').append(fragment.getElement(i));
    }
    return documentOrder.getOrDefault(pointer.toString(), Integer.MAX_VALUE);
  }

  private void number(JsonNode node, String pointer) {
    documentOrder.put(pointer, documentOrder.size());
    if (node.isObject()) {
      node.properties().forEach(entry -> number(entry.getValue(), pointer + "/" + entry.getKey()));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        number(node.get(i), pointer + "/" + i);
      }
    }
  }
}

package dev.herald.callback;

import dev.herald.api.ApiException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A checked callback setting from the admin API: every problem reported at once, in the admin API's
 * message style, and the token never echoed.
 */
record CallbackInput(String callbackType, String url, String bearerToken) {

  static final Set<String> TYPES =
      Set.of("complaint", "delivery_status", "inbound_sms", "returned_letter");
  private static final Set<String> FIELDS = Set.of("callback_type", "url", "bearer_token");
  private static final int MIN_TOKEN_LENGTH = 10;

  static CallbackInput read(JsonNode body) {
    if (!body.isObject()) {
      throw ApiException.validation("Request body must be a JSON object");
    }
    List<String> errors = new ArrayList<>();
    String type = string(body, "callback_type", errors);
    String url = string(body, "url", errors);
    String token = string(body, "bearer_token", errors);
    if (type != null && !TYPES.contains(type)) {
      errors.add(
          "callback_type "
              + type
              + " is not one of [complaint, delivery_status, inbound_sms,"
              + " returned_letter]");
    }
    if (url != null && !allowed(url)) {
      errors.add("url is not a valid https url");
    }
    if (token != null && token.length() < MIN_TOKEN_LENGTH) {
      errors.add("bearer_token is too short (at least " + MIN_TOKEN_LENGTH + " characters)");
    }
    List<String> unexpected =
        body.propertyNames().stream().filter(name -> !FIELDS.contains(name)).toList();
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
    return new CallbackInput(type, url.strip(), token);
  }

  /** An https URL with a host; plain http only to this machine, for development and tests. */
  static boolean allowed(String url) {
    try {
      URI uri = new URI(url.strip());
      String host = uri.getHost();
      if (host == null || uri.getUserInfo() != null) {
        return false;
      }
      return "https".equalsIgnoreCase(uri.getScheme())
          || ("http".equalsIgnoreCase(uri.getScheme())
              && (host.equals("localhost") || host.equals("127.0.0.1")));
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static String string(JsonNode body, String field, List<String> errors) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      errors.add(field + " is a required property");
      return null;
    }
    if (!value.isString()) {
      errors.add(
          field + (field.equals("bearer_token") ? "" : " " + value) + " is not of type string");
      return null;
    }
    if (value.asString().isBlank()) {
      errors.add(field + " must not be blank");
      return null;
    }
    return value.asString();
  }
}

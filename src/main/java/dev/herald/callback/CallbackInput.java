package dev.herald.callback;

import dev.herald.api.AdminInput;
import java.net.URI;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A checked callback setting from the admin API: every problem reported at once, in the admin API's
 * message style, and the token never echoed.
 */
record CallbackInput(String callbackType, String url, String bearerToken) {

  static final Set<String> TYPES =
      Set.of("complaint", "delivery_status", "inbound_sms", "returned_letter");
  private static final int MIN_TOKEN_LENGTH = 10;
  private static final int MAX_TOKEN_LENGTH = 1000;
  private static final int MAX_URL_LENGTH = 2000;

  static CallbackInput read(JsonNode body) {
    AdminInput input = new AdminInput(body);
    String type = input.oneOf("callback_type", true, TYPES);
    String url = input.string("url", true, MAX_URL_LENGTH);
    String token = input.secret("bearer_token", true, MAX_TOKEN_LENGTH);
    if (url != null && !allowed(url)) {
      input.error("url is not a valid https url");
    }
    if (token != null && token.length() < MIN_TOKEN_LENGTH) {
      input.error("bearer_token is too short (at least " + MIN_TOKEN_LENGTH + " characters)");
    }
    input.done();
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
}

package dev.herald.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Writes the v2 envelope where Spring MVC's message converters are not at hand. */
final class Envelopes {

  private static final JsonMapper JSON =
      JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

  private Envelopes() {}

  static String json(ApiException e) {
    return JSON.writeValueAsString(e.envelope());
  }

  static void write(HttpServletResponse response, ApiException e) throws IOException {
    response.setStatus(e.status());
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(json(e));
  }
}

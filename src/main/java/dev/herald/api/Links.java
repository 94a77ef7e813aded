package dev.herald.api;

import dev.herald.support.HeraldProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Absolute links in responses: from {@code HERALD_BASE_URL}, else the request's own host. */
@Component
public class Links {

  private final String configured;

  Links(HeraldProperties properties) {
    String base = properties.baseUrl();
    this.configured = base == null || base.isBlank() ? null : base.replaceAll("/+$", "");
  }

  /** The root without a trailing slash, such as {@code https://api.example.gov.uk}. */
  public String root(HttpServletRequest request) {
    if (configured != null) {
      return configured;
    }
    return ServletUriComponentsBuilder.fromContextPath(request)
        .replaceQuery(null)
        .build()
        .toUriString();
  }
}

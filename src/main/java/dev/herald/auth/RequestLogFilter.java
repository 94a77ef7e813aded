package dev.herald.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One log line per API request: method, route, status, time and the calling service. Never the
 * query string or the body, which can hold recipients and personalisation, and never the path as
 * sent, which a client can fill with anything: the route's pattern, with the ids in it, or {@code
 * (no route)}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestLogFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger("dev.herald.requests");

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");
  private static final Pattern ID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long start = System.nanoTime();
    try {
      chain.doFilter(request, response);
    } finally {
      if (log.isInfoEnabled() && !request.getRequestURI().startsWith("/actuator")) {
        Object key = request.getAttribute(AuthenticatedKey.ATTRIBUTE);
        log.info(
            "{} {} {} {}ms{}",
            request.getMethod(),
            route(request),
            response.getStatus(),
            (System.nanoTime() - start) / 1_000_000,
            key instanceof AuthenticatedKey k
                ? " service=" + k.serviceId() + " key_type=" + k.keyType().value()
                : "");
      }
    }
  }

  /** The matched pattern, each variable replaced by its value when that is an id. */
  static String route(HttpServletRequest request) {
    if (!(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)
        instanceof String pattern)) {
      return "(no route)";
    }
    Map<?, ?> values =
        request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> m
            ? m
            : Map.of();
    Matcher variable = VARIABLE.matcher(pattern);
    StringBuilder route = new StringBuilder();
    while (variable.find()) {
      Object value = values.get(variable.group(1));
      String shown =
          value instanceof String s && ID.matcher(s).matches() ? s : "{" + variable.group(1) + "}";
      variable.appendReplacement(route, Matcher.quoteReplacement(shown));
    }
    variable.appendTail(route);
    return route.toString();
  }
}

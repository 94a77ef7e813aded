package dev.herald.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per API request: method, path, status, time and the calling service. Never the query
 * string or the body, which can hold recipients and personalisation.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestLogFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger("dev.herald.requests");

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
            request.getRequestURI(),
            response.getStatus(),
            (System.nanoTime() - start) / 1_000_000,
            key instanceof AuthenticatedKey k
                ? " service=" + k.serviceId() + " key_type=" + k.keyType().value()
                : "");
      }
    }
  }
}

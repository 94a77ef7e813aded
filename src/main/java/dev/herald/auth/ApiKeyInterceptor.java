package dev.herald.auth;

import dev.herald.service.ServiceCache;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.web.servlet.HandlerInterceptor;

/** Authenticates every v2 request before its handler runs (and so before its body is read). */
class ApiKeyInterceptor implements HandlerInterceptor {

  private final TokenVerifier verifier;
  private final Clock clock;

  ApiKeyInterceptor(ServiceCache services, ApiKeyCache keys, Clock clock) {
    this.clock = clock;
    this.verifier =
        new TokenVerifier(
            id ->
                services
                    .find(id)
                    .map(s -> new TokenVerifier.ServiceKeys(s.active(), keys.usableKeys(id))));
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    AuthenticatedKey key = verifier.verify(request.getHeader("Authorization"), clock.instant());
    request.setAttribute(AuthenticatedKey.ATTRIBUTE, key);
    return true;
  }
}

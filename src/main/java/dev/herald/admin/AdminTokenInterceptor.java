package dev.herald.admin;

import dev.herald.api.ApiException;
import dev.herald.support.AdminToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/** Lets through only requests that carry the admin bearer token. */
class AdminTokenInterceptor implements HandlerInterceptor {

  private final AdminToken token;

  AdminTokenInterceptor(AdminToken token) {
    this.token = token;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    String header = request.getHeader("Authorization");
    if (header == null) {
      throw ApiException.auth(401, "Unauthorized: admin token must be provided");
    }
    if (header.length() < 7
        || !header.substring(0, 7).equalsIgnoreCase("Bearer ")
        || !token.matches(header.substring(7))) {
      throw ApiException.auth(403, "Invalid token: the admin token does not match");
    }
    return true;
  }
}

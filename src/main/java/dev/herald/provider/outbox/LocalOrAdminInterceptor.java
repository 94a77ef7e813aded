package dev.herald.provider.outbox;

import dev.herald.api.ApiException;
import dev.herald.support.AdminToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets through only requests that carry the admin bearer token or, when loopback is trusted, come
 * straight from the loopback address: the outbox shows every recipient, body and download link, the
 * metrics each service's volumes.
 */
final class LocalOrAdminInterceptor implements HandlerInterceptor {

  /** A request with any of these came through a proxy: its peer address is the proxy's. */
  private static final List<String> FORWARDING_HEADERS =
      List.of("Forwarded", "X-Forwarded-For", "X-Real-IP");

  private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.\\d{1,3}){3}");

  private final AdminToken token;
  private final boolean trustLoopback;

  LocalOrAdminInterceptor(AdminToken token, boolean trustLoopback) {
    this.token = token;
    this.trustLoopback = trustLoopback;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    String header = request.getHeader("Authorization");
    if (header != null) {
      if (header.length() >= 7
          && header.substring(0, 7).equalsIgnoreCase("Bearer ")
          && token.matches(header.substring(7))) {
        return true;
      }
      throw ApiException.auth(403, "Invalid token: the admin token does not match");
    }
    if (trustLoopback && isDirectFromLoopback(request)) {
      return true;
    }
    throw ApiException.auth(
        403, "Forbidden: only local requests or requests with the admin token can see this");
  }

  private static boolean isDirectFromLoopback(HttpServletRequest request) {
    return FORWARDING_HEADERS.stream().allMatch(name -> request.getHeader(name) == null)
        && isLoopback(request.getRemoteAddr());
  }

  /** True for an address literal in 127.0.0.0/8 or ::1; never looks a name up. */
  static boolean isLoopback(String address) {
    if (address == null) {
      return false;
    }
    if (address.indexOf(':') < 0) {
      return LOOPBACK_IPV4.matcher(address).matches();
    }
    try {
      // With a colon, InetAddress parses an IPv6 literal and never asks DNS.
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}

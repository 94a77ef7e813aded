package dev.herald.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any handler reads them, a path or query string that is not strictly
 * percent-encoded UTF-8, that holds text {@link InputText} refuses, or that has more parameters
 * than Tomcat parses; and form values and the {@code Authorization} header with such text.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RequestTextFilter extends OncePerRequestFilter {

  /** Tomcat's {@code maxParameterCount}: beyond it Tomcat refuses to parse any parameter. */
  static final int MAX_PARAMETERS = 1_000;

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ApiException refused = refusal(request);
    if (refused != null) {
      Envelopes.write(response, refused);
      return;
    }
    chain.doFilter(new CheckedParameters(request), response);
  }

  private static ApiException refusal(HttpServletRequest request) {
    if (!PercentEncoding.isClean(request.getRequestURI(), false)) {
      return ApiException.badRequest("The URL path is not valid: it " + PercentEncoding.RULE);
    }
    String query = request.getQueryString();
    if (query != null) {
      if (!PercentEncoding.isCleanQuery(query)) {
        return ApiException.badRequest("The query string is not valid: it " + PercentEncoding.RULE);
      }
      if (PercentEncoding.parameterCount(query) > MAX_PARAMETERS) {
        return ApiException.badRequest(
            "The query string has more than " + MAX_PARAMETERS + " parameters");
      }
    }
    String authorization = request.getHeader("Authorization");
    if (authorization != null && InputText.isRefused(authorization)) {
      return ApiException.badRequest("The Authorization header " + InputText.REFUSED);
    }
    return null;
  }

  /** Checks every parameter as it is read, which covers form bodies parsed only on demand. */
  private static final class CheckedParameters extends HttpServletRequestWrapper {

    CheckedParameters(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getParameter(String name) {
      return checked(super.getParameter(name));
    }

    @Override
    public String[] getParameterValues(String name) {
      String[] values = super.getParameterValues(name);
      if (values != null) {
        for (String value : values) {
          checked(value);
        }
      }
      return values;
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      Map<String, String[]> all = super.getParameterMap();
      all.forEach(
          (name, values) -> {
            checked(name);
            for (String value : values) {
              checked(value);
            }
          });
      return all;
    }

    @Override
    public Enumeration<String> getParameterNames() {
      getParameterMap();
      return super.getParameterNames();
    }

    private static String checked(String value) {
      if (value != null && InputText.isRefused(value)) {
        throw ApiException.badRequest("Query and form values " + InputText.REFUSED);
      }
      return value;
    }
  }
}

package dev.herald.bench;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** URL query strings: encoding a value, and reading a query back as Spring MVC does. */
final class QueryStrings {

  private QueryStrings() {}

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static MultiValueMap<String, String> parse(String query) {
    MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      params.add(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }

  /** The query of a link, the part after {@code ?}. */
  static String of(String link) {
    return link.substring(link.indexOf('?') + 1);
  }
}

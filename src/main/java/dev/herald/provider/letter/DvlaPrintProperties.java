package dev.herald.provider.letter;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the print API in DVLA's shape, bound from {@code HERALD_PRINT_DVLA_*}.
 *
 * @param url the print API's base URL; the provider is on only when it is set.
 * @param username the user name Herald authenticates as.
 * @param password that user's password.
 * @param apiKey the key sent as {@code X-API-Key} on every print request.
 * @param callbackUrl Herald's public base URL, where the printer reports each letter's despatch.
 * @param connectTimeout longest wait to connect to the print API.
 * @param readTimeout longest wait for the print API's answer to one request.
 * @param concurrency how many letters of a batch are requested at once.
 * @param batchSize the most letters the print run hands over in one batch.
 */
@ConfigurationProperties("herald.print.dvla")
record DvlaPrintProperties(
    URI url,
    String username,
    String password,
    String apiKey,
    URI callbackUrl,
    @DefaultValue("10s") Duration connectTimeout,
    @DefaultValue("30s") Duration readTimeout,
    @DefaultValue("4") int concurrency,
    @DefaultValue("100") int batchSize) {

  DvlaPrintProperties {
    if (!isHttp(url)) {
      throw new IllegalArgumentException("HERALD_PRINT_DVLA_URL must be an http or https URL");
    }
    if (!isHttp(callbackUrl)) {
      throw new IllegalArgumentException(
          "HERALD_PRINT_DVLA_CALLBACK_URL must be set to Herald's public http or https base URL"
              + " when HERALD_PRINT_DVLA_URL is set: the printer reports despatches there");
    }
    required("HERALD_PRINT_DVLA_USERNAME", username);
    required("HERALD_PRINT_DVLA_PASSWORD", password);
    required("HERALD_PRINT_DVLA_API_KEY", apiKey);
    if (concurrency < 1 || batchSize < 1) {
      throw new IllegalArgumentException(
          "HERALD_PRINT_DVLA_CONCURRENCY and HERALD_PRINT_DVLA_BATCH_SIZE must be at least 1");
    }
  }

  /** An endpoint of the print API, {@code path} below its base URL. */
  URI endpoint(String path) {
    return URI.create(withoutTrailingSlash(url) + path);
  }

  /** Where the printer reports on one letter, its signed token in the query string. */
  String callbackTarget(String token) {
    return withoutTrailingSlash(callbackUrl) + "/notifications/letter/status?token=" + token;
  }

  private static boolean isHttp(URI uri) {
    return uri != null
        && uri.getHost() != null
        && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
  }

  private static void required(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must be set when HERALD_PRINT_DVLA_URL is set");
    }
  }

  private static String withoutTrailingSlash(URI uri) {
    String text = uri.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  @Override
  public String toString() {
    return "DvlaPrintProperties[" + url + ", " + username + ", callback " + callbackUrl + "]";
  }
}

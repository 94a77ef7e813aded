package dev.herald.provider.email;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The only places Herald fetches from on SNS's word (signing certificates, subscription URLs):
 * HTTPS hosts matching the configured pattern, or plain HTTP to a loopback address when the pattern
 * names it (for tests). Redirects are not followed, so they cannot lead elsewhere.
 */
final class SnsHosts {

  private final Pattern hosts;
  private final Duration timeout;
  private final HttpClient http;

  SnsHosts(Pattern hosts, Duration timeout) {
    this.hosts = hosts;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** The URL, when Herald may fetch it. */
  Optional<URI> allowed(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String host = uri.getHost();
    if (host == null || uri.getRawUserInfo() != null) {
      return Optional.empty();
    }
    host = host.toLowerCase(Locale.ROOT);
    if (!hosts.matcher(host).matches()) {
      return Optional.empty();
    }
    boolean secure = "https".equalsIgnoreCase(uri.getScheme()) && uri.getPort() == -1;
    boolean loopback = "http".equalsIgnoreCase(uri.getScheme()) && isLoopback(host);
    return secure || loopback ? Optional.of(uri) : Optional.empty();
  }

  /**
   * GETs an allowed URL and answers the body.
   *
   * @throws IOException when it cannot be fetched or does not answer 200
   */
  byte[] get(URI url) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IOException(url.getHost() + " answered " + response.statusCode());
      }
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while fetching from " + url.getHost(), e);
    }
  }

  private static boolean isLoopback(String host) {
    // literal addresses only: a name could resolve anywhere
    if (!host.matches("[0-9.]+|\\[[0-9a-f:]+\\]")) {
      return false;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (IOException e) {
      return false;
    }
  }
}

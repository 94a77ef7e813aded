package dev.herald.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * GET requests timed from sending to the body's last byte, on {@link HttpURLConnection} with
 * keep-alive: the transport of the official Java client (notifications-java-client). The JDK's
 * {@code java.net.http.HttpClient}, used before, hands each chunk of a 250-notification page
 * between its selector and worker threads, and on 2 busy cores that added milliseconds that are the
 * client's, not Herald's (docs/benchmarks.md).
 */
final class BenchHttp {

  /** What came back, and how long it took. */
  record Answer(long nanos, int status, String body) {}

  private final String root;

  BenchHttp(String root) {
    this.root = root;
  }

  /** {@code authorization} is made before the clock starts, so it is not in the time. */
  Answer get(String pathAndQuery, String authorization) throws IOException {
    long began = System.nanoTime();
    HttpURLConnection connection =
        (HttpURLConnection) URI.create(root + pathAndQuery).toURL().openConnection();
    connection.setRequestProperty("Authorization", authorization);
    int status = connection.getResponseCode();
    byte[] body;
    try (InputStream in =
        status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
      body = in.readAllBytes();
    }
    long nanos = System.nanoTime() - began;
    String text = new String(body, StandardCharsets.UTF_8);
    if (status != 200) {
      throw new IllegalStateException(pathAndQuery + ": " + status + " " + text);
    }
    return new Answer(nanos, status, text);
  }
}

package dev.herald.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** GET requests timed from sending to the body's last byte, on an HTTP/1.1 keep-alive client. */
final class BenchHttp {

  /** What came back, and how long it took. */
  record Answer(long nanos, int status, String body) {}

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String root;

  BenchHttp(String root) {
    this.root = root;
  }

  /** {@code authorization} is made before the clock starts, so it is not in the time. */
  Answer get(String pathAndQuery, String authorization) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(root + pathAndQuery))
            .header("Authorization", authorization)
            .GET()
            .build();
    long began = System.nanoTime();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    long nanos = System.nanoTime() - began;
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          pathAndQuery + ": " + response.statusCode() + " " + response.body());
    }
    return new Answer(nanos, response.statusCode(), response.body());
  }
}

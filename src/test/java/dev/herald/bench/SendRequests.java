package dev.herald.bench;

import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code POST /v2/notifications/email} as an official client sends it: a fresh HS256 JWT for every
 * request, over HTTP/1.1 keep-alive connections.
 */
final class SendRequests implements Phase.Operation {

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI uri;
  private final String key;
  private final UUID templateId;
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();

  SendRequests(String root, String key, UUID templateId) {
    this.uri = URI.create(root + "/v2/notifications/email");
    this.key = key;
    this.templateId = templateId;
  }

  @Override
  public void run() throws Exception {
    long n = sequence.incrementAndGet();
    String body =
        Http.json(
            Map.of(
                "email_address",
                "bench-" + n + "@example.com",
                "template_id",
                templateId.toString(),
                "reference",
                "bench-" + n,
                "personalisation",
                Map.of("name", "Ada", "reference", "R" + n)));
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Authorization", "Bearer " + Tokens.token(key, Instant.now()))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
    accepted.incrementAndGet();
  }

  /** Every 201 so far, warm-up included: the rows that must be in the database. */
  long accepted() {
    return accepted.get();
  }
}

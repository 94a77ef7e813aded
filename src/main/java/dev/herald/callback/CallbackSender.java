package dev.herald.callback;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** POSTs one callback and says how it went; never throws for the endpoint's failures. */
class CallbackSender {

  private static final int MAX_ERROR_LENGTH = 200;

  private final HttpClient client;
  private final Duration timeout;

  CallbackSender(HttpClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  /** How a POST went: the HTTP status, or no status and why not. */
  record Outcome(Integer statusCode, String error, long durationMs) {

    boolean succeeded() {
      return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    /** Connection errors, timeouts, 5xx and 429 may pass; other answers will not change. */
    boolean retryable() {
      return statusCode == null || statusCode >= 500 || statusCode == 429;
    }
  }

  Outcome post(String url, String bearerToken, byte[] body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + bearerToken)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    long start = System.nanoTime();
    try {
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return new Outcome(status, null, millisSince(start));
    } catch (IOException e) {
      return new Outcome(null, describe(e), millisSince(start));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(null, "Interrupted", millisSince(start));
    }
  }

  private static long millisSince(long start) {
    return Duration.ofNanos(System.nanoTime() - start).toMillis();
  }

  private static String describe(IOException e) {
    String text =
        e.getMessage() == null
            ? e.getClass().getSimpleName()
            : e.getClass().getSimpleName() + ": " + e.getMessage();
    return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
  }
}

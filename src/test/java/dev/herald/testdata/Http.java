package dev.herald.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Raw HTTP against Herald, for exact bodies and statuses. */
public final class Http {

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private final HttpClient client = HttpClient.newHttpClient();
  private final String root;

  public Http(int port) {
    this.root = "http://localhost:" + port;
  }

  public String root() {
    return root;
  }

  /** A response: status, raw body, and the body as JSON (null when it is not JSON). */
  public record Response(int status, String body, JsonNode json, HttpResponse<String> raw) {}

  public Response send(String method, String path, String authorization, String body) {
    return send(method, path, authorization, body, "application/json");
  }

  /** Sends with a Content-Type of the caller's choice, as {@code curl -d} sends form encoding. */
  public Response send(
      String method, String path, String authorization, String body, String contentType) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(root + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (body != null) {
      request.header("Content-Type", contentType);
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), parse(response.body()), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String json(Object value) {
    return JSON.writeValueAsString(value);
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isEmpty() ? null : JSON.readTree(body);
    } catch (RuntimeException e) {
      return null;
    }
  }
}

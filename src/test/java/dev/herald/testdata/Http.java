package dev.herald.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
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
    return exchange(request);
  }

  private Response exchange(HttpRequest.Builder request) {
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

  /** Sends a body of bytes (a multipart form, a file) with this Content-Type. */
  public Response sendBytes(
      String method, String path, String authorization, byte[] body, String contentType) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(root + path))
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Content-Type", contentType);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return exchange(request);
  }

  /**
   * A {@code multipart/form-data} body: text fields, then a {@code file} part of this name and
   * content (none when {@code fileName} is null); answers the body and its Content-Type.
   */
  public static Map.Entry<byte[], String> multipart(
      Map<String, String> fields, String fileName, byte[] content) {
    String boundary = "herald-" + java.util.UUID.randomUUID();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
    fields.forEach(
        (name, value) ->
            out.writeBytes(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + name
                        + "\"\r\n\r\n"
                        + value
                        + "\r\n")
                    .getBytes(utf8)));
    if (fileName != null) {
      out.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                  + fileName
                  + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(utf8));
      out.writeBytes(content);
      out.writeBytes("\r\n".getBytes(utf8));
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
    return Map.entry(out.toByteArray(), "multipart/form-data; boundary=" + boundary);
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

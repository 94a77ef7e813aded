package dev.herald.provider.email;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * An in-process stand-in for the SES v2 endpoint ({@code POST /v2/email/outbound-emails}) that
 * records each request and answers as told; it also serves files over GET (SNS signing
 * certificates, subscription URLs) and counts the fetches.
 */
final class SesFakeServer implements AutoCloseable {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final List<JsonNode> sends = new CopyOnWriteArrayList<>();
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();
  private final List<String> messageIds = new CopyOnWriteArrayList<>();
  private volatile Answer answer;

  /** How the fake SES answers a send: {@code errorType} null for success. */
  record Answer(int status, String errorType, String message) {}

  private SesFakeServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  static SesFakeServer start() {
    try {
      return new SesFakeServer();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** From now on, answers sends with this error; {@code null} goes back to accepting them. */
  void refuse(Answer refusal) {
    answer = refusal;
  }

  /** The request bodies of the sends so far, as JSON. */
  List<JsonNode> sends() {
    return List.copyOf(sends);
  }

  /** The MessageIds answered so far, in order. */
  List<String> messageIds() {
    return List.copyOf(messageIds);
  }

  /** Serves {@code body} at {@code path}; answers the URL. */
  String serve(String path, byte[] body) {
    files.put(path, body);
    return endpoint() + path;
  }

  int fetches(String path) {
    AtomicInteger count = fetches.get(path);
    return count == null ? 0 : count.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if ("GET".equals(exchange.getRequestMethod()) && files.containsKey(path)) {
        fetches.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        respond(exchange, 200, files.get(path));
      } else if ("POST".equals(exchange.getRequestMethod())
          && "/v2/email/outbound-emails".equals(path)) {
        sends.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
        Answer refusal = answer;
        if (refusal == null) {
          String id = "0100" + UUID.randomUUID() + "-000000";
          messageIds.add(id);
          respond(exchange, 200, json(Map.of("MessageId", id)));
        } else {
          exchange.getResponseHeaders().add("x-amzn-ErrorType", refusal.errorType());
          respond(exchange, refusal.status(), json(Map.of("message", refusal.message())));
        }
      } else {
        respond(exchange, 404, new byte[0]);
      }
    }
  }

  private static byte[] json(Map<String, String> body) {
    return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
  }

  private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    exchange.getResponseBody().write(body);
  }
}

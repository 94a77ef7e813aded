package dev.herald.testdata;

import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A service's callback URL on 127.0.0.1: records what it receives, answers the statuses given. */
public final class RecordingEndpoint implements AutoCloseable {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** One request as received. */
  public record Received(String method, String contentType, String authorization, String body) {

    public JsonNode json() {
      return JSON.readTree(body);
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();

  public RecordingEndpoint() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/callback", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/callback";
  }

  /** Answers these statuses to the next requests, in order; 200 once they are used up. */
  public RecordingEndpoint answering(Integer... statuses) {
    answers.addAll(List.of(statuses));
    return this;
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  /** Waits until {@code count} requests have come, for at most {@code atMost}; answers them. */
  public List<Received> awaitReceived(int count, Duration atMost) {
    await().atMost(atMost).until(() -> received.size() >= count);
    return received();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    received.add(
        new Received(
            exchange.getRequestMethod(),
            exchange.getRequestHeaders().getFirst("Content-Type"),
            exchange.getRequestHeaders().getFirst("Authorization"),
            body));
    Integer status = answers.poll();
    exchange.sendResponseHeaders(status == null ? 200 : status, -1);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

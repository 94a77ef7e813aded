package dev.herald.provider.letter;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * DVLA's print API in the test JVM: hands out JWTs expiring when the test says, records every
 * request, and answers each print request as the test says.
 */
final class FakeDvla implements AutoCloseable {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** One request as DVLA saw it. */
  record Received(String path, Headers headers, JsonNode body) {

    UUID id() {
      return UUID.fromString(body.get("id").asString());
    }
  }

  private final HttpServer server;
  private final byte[] signingKey = new byte[32];
  private final Queue<Received> authentications = new ConcurrentLinkedQueue<>();
  private final Queue<Received> printRequests = new ConcurrentLinkedQueue<>();
  private final List<String> tokens = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();
  private volatile Function<Integer, Instant> expiry = n -> Instant.now().plusSeconds(3600);
  private volatile int authenticationStatus = 200;
  private final Set<UUID> taken = ConcurrentHashMap.newKeySet();
  private volatile Function<Received, Integer> printStatus = r -> 202;
  private volatile CountDownLatch hold = new CountDownLatch(0);

  FakeDvla() throws IOException {
    new SecureRandom().nextBytes(signingKey);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/thirdparty-access/v1/authenticate", this::authenticate);
    server.createContext("/print-request/v1/print/jobs", this::print);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** When the n-th token handed out (from 1) expires. */
  void expiring(Function<Integer, Instant> expiry) {
    this.expiry = expiry;
  }

  void answeringAuthentication(int status) {
    this.authenticationStatus = status;
  }

  /** How to answer a print request for a letter DVLA does not have yet; one it has gets 409. */
  void answering(Function<Received, Integer> status) {
    this.printStatus = status;
  }

  /** Holds each print request until {@code requests} are in flight together (5 s at most). */
  void holdingUntilInFlight(int requests) {
    this.hold = new CountDownLatch(requests);
  }

  List<Received> authentications() {
    return List.copyOf(authentications);
  }

  List<Received> printRequests() {
    return List.copyOf(printRequests);
  }

  /** The tokens handed out, in order. */
  List<String> tokens() {
    return List.copyOf(tokens);
  }

  int mostInFlight() {
    return mostInFlight.get();
  }

  private void authenticate(HttpExchange exchange) throws IOException {
    authentications.add(received(exchange));
    if (authenticationStatus != 200) {
      answer(exchange, authenticationStatus, "[{\"status\":\"401\",\"title\":\"no\"}]");
      return;
    }
    String token;
    synchronized (tokens) {
      token = jwt(expiry.apply(tokens.size() + 1), tokens.size() + 1);
      tokens.add(token);
    }
    answer(exchange, 200, JSON.writeValueAsString(Map.of("id-token", token)));
  }

  private void print(HttpExchange exchange) throws IOException {
    int now = inFlight.incrementAndGet();
    mostInFlight.accumulateAndGet(now, Math::max);
    try {
      Received request = received(exchange);
      printRequests.add(request);
      hold.countDown();
      awaitQuietly(hold);
      int status = taken.contains(request.id()) ? 409 : printStatus.apply(request);
      if (status == 202) {
        taken.add(request.id());
      }
      answer(
          exchange,
          status,
          status == 202
              ? "{\"id\":\"" + request.id() + "\"}"
              : "{\"errors\":[{\"detail\":\"about 1 High Street\"}]}");
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Received received(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    return new Received(
        exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), JSON.readTree(body));
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private String jwt(Instant exp, int n) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader(JWSAlgorithm.HS256),
              new JWTClaimsSet.Builder()
                  .subject("herald-" + n)
                  .expirationTime(Date.from(exp))
                  .build());
      jwt.sign(new MACSigner(signingKey));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

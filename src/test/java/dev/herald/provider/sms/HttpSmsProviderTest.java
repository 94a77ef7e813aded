package dev.herald.provider.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.herald.delivery.OutgoingSms;
import dev.herald.delivery.ProviderException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class HttpSmsProviderTest {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final OutgoingSms sms =
      new OutgoingSms(UUID.randomUUID(), "Herald", "447700900123", "Your code is 1234", false);

  private HttpServer aggregator;
  private final AtomicReference<Received> received = new AtomicReference<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile int answerStatus = 200;
  private volatile String answerBody = "{\"id\": \"agg-42\"}";
  private volatile boolean hang;

  record Received(String method, String path, Headers headers, JsonNode body) {}

  @BeforeEach
  void startAggregator() throws IOException {
    aggregator = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    aggregator.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    aggregator.createContext("/send", this::answer);
    aggregator.start();
  }

  @AfterEach
  void stopAggregator() {
    release.countDown();
    aggregator.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    received.set(
        new Received(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            exchange.getRequestHeaders(),
            JSON.readTree(body)));
    if (hang) {
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] answer = answerBody.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(answerStatus, answer.length == 0 ? -1 : answer.length);
    exchange.getResponseBody().write(answer);
    exchange.close();
  }

  private HttpSmsProvider provider(URI url, Duration timeout) {
    return new HttpSmsProvider(
        new HttpSmsProperties(url, "secret-key", null, false, timeout, "cb"), JSON);
  }

  private HttpSmsProvider provider() {
    return provider(sendUrl(), Duration.ofSeconds(5));
  }

  private URI sendUrl() {
    return URI.create("http://127.0.0.1:" + aggregator.getAddress().getPort() + "/send");
  }

  @Test
  void postsTheMessageAsJsonWithTheApiKeyAndAnswersTheAggregatorsId() throws Exception {
    try (HttpSmsProvider provider = provider()) {
      assertThat(provider.send(sms)).isEqualTo("agg-42");
      assertThat(provider.name()).isEqualTo("http-sms");
      assertThat(provider.supportsInternational()).isFalse();
    }
    Received request = received.get();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/send");
    assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer secret-key");
    assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json");
    assertThat(request.body().properties()).hasSize(4);
    assertThat(request.body().get("reference").asString())
        .isEqualTo(sms.notificationId().toString());
    assertThat(request.body().get("to").asString()).isEqualTo("447700900123");
    assertThat(request.body().get("from").asString()).isEqualTo("Herald");
    assertThat(request.body().get("text").asString()).isEqualTo("Your code is 1234");
  }

  @Test
  void answersTheNotificationIdWhenTheAggregatorGivesNoId() throws Exception {
    answerStatus = 202;
    answerBody = "";
    try (HttpSmsProvider provider = provider()) {
      assertThat(provider.send(sms)).isEqualTo(sms.notificationId().toString());
    }
  }

  @Test
  void serverErrorsAndTooManyRequestsMayBeRetried() {
    for (int status : new int[] {500, 503, 429}) {
      answerStatus = status;
      answerBody = "{\"error\": \"busy\"}";
      try (HttpSmsProvider provider = provider()) {
        assertThatExceptionOfType(ProviderException.class)
            .isThrownBy(() -> provider.send(sms))
            .matches(ProviderException::retryable, "retryable")
            .withMessageContaining("HTTP " + status)
            .withMessageNotContaining("447700900123");
      }
    }
  }

  @Test
  void otherRefusalsAreNotRetried() {
    for (int status : new int[] {400, 401, 422}) {
      answerStatus = status;
      answerBody = "{\"error\": \"bad number 447700900123\"}";
      try (HttpSmsProvider provider = provider()) {
        assertThatExceptionOfType(ProviderException.class)
            .isThrownBy(() -> provider.send(sms))
            .matches(e -> !e.retryable(), "not retryable")
            .withMessageNotContaining("447700900123");
      }
    }
  }

  @Test
  void anAggregatorThatIsDownMayBeRetried() {
    URI url = sendUrl();
    aggregator.stop(0);
    try (HttpSmsProvider provider = provider(url, Duration.ofSeconds(5))) {
      assertThatExceptionOfType(ProviderException.class)
          .isThrownBy(() -> provider.send(sms))
          .matches(ProviderException::retryable, "retryable");
    }
  }

  @Test
  void anAggregatorThatDoesNotAnswerInTimeMayBeRetried() {
    hang = true;
    try (HttpSmsProvider provider = provider(sendUrl(), Duration.ofMillis(300))) {
      assertThatExceptionOfType(ProviderException.class)
          .isThrownBy(() -> provider.send(sms))
          .matches(ProviderException::retryable, "retryable")
          .withMessageContaining("did not answer");
    }
  }
}

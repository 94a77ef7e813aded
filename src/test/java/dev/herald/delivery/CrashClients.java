package dev.herald.delivery;

import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * API clients sending a fixed number of emails from a few threads: each send is repeated until
 * Herald answers it, so exactly that many are accepted; while Herald is known to be down they wait
 * for it instead of spinning.
 */
final class CrashClients {

  /** What the clients send with: a live key and an email template of its service. */
  record Sending(String key, UUID template) {}

  private static final int MOST_REFUSALS = 1_000;

  private final Http http;
  private final Sending sending;
  private final String body;
  private final AtomicInteger permits;
  private final Set<UUID> accepted = ConcurrentHashMap.newKeySet();
  private final Map<Integer, Integer> refused = new ConcurrentHashMap<>();
  private final AtomicInteger unanswered = new AtomicInteger();
  private final AtomicReference<CompletableFuture<Void>> heraldUp =
      new AtomicReference<>(CompletableFuture.completedFuture(null));
  private final List<Future<?>> clients = new ArrayList<>();
  private ExecutorService executor;

  private CrashClients(int notifications, Http http, Sending sending) {
    this.http = http;
    this.sending = sending;
    this.permits = new AtomicInteger(notifications);
    this.body =
        Http.json(
            Map.of(
                "template_id",
                sending.template().toString(),
                "email_address",
                "crash@example.test"));
  }

  static CrashClients sending(int notifications, Http http, Sending sending) {
    return new CrashClients(notifications, http, sending);
  }

  void start(int threads) {
    executor = Executors.newFixedThreadPool(threads);
    for (int i = 0; i < threads; i++) {
      clients.add(executor.submit(this::sendYourShare));
    }
  }

  /** From now until {@link #outageOver()}, a failed connection waits for Herald to be back. */
  void expectOutage() {
    heraldUp.set(new CompletableFuture<>());
  }

  void outageOver() {
    heraldUp.get().complete(null);
  }

  void awaitDone(Duration timeout) throws Exception {
    executor.shutdown();
    if (!executor.awaitTermination(timeout.toSeconds(), TimeUnit.SECONDS)) {
      throw new IllegalStateException("clients still sending after " + timeout);
    }
    for (Future<?> client : clients) {
      client.get();
    }
  }

  String key() {
    return sending.key();
  }

  /** The ids of the notifications Herald answered 201 for. */
  Set<UUID> accepted() {
    return accepted;
  }

  /** Requests that got no answer: connection refused or reset while Herald was down or dying. */
  int unanswered() {
    return unanswered.get();
  }

  /** Requests Herald answered with another status than 201, by status. */
  Map<Integer, Integer> refused() {
    return Map.copyOf(refused);
  }

  private void sendYourShare() {
    while (permits.getAndDecrement() > 0) {
      sendUntilAnswered();
    }
  }

  private void sendUntilAnswered() {
    while (true) {
      try {
        Http.Response r =
            http.send("POST", "/v2/notifications/email", Tokens.bearer(sending.key()), body);
        if (r.status() == 201) {
          accepted.add(UUID.fromString(r.json().get("id").asString()));
          return;
        }
        if (refused.merge(r.status(), 1, Integer::sum) > MOST_REFUSALS) {
          throw new IllegalStateException("Herald keeps refusing: " + r.status() + " " + r.body());
        }
      } catch (UncheckedIOException e) {
        unanswered.incrementAndGet();
        heraldUp.get().join();
      }
    }
  }
}

package dev.herald.bench;

import dev.herald.delivery.EmailProvider;
import dev.herald.delivery.OutgoingEmail;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A provider that takes every email after a fixed latency, as a remote API would, and records when
 * it accepted each notification. It sleeps: it stands for the provider, not for Herald.
 */
final class StubEmailProvider implements EmailProvider {

  static final String NAME = "bench-stub";

  private final Duration latency;
  private final Map<UUID, Long> acceptedAtMillis = new ConcurrentHashMap<>();
  private final AtomicLong calls = new AtomicLong();

  StubEmailProvider(Duration latency) {
    this.latency = latency;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String send(OutgoingEmail email) {
    try {
      Thread.sleep(latency);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    calls.incrementAndGet();
    acceptedAtMillis.put(email.notificationId(), System.currentTimeMillis());
    return "stub-" + email.notificationId();
  }

  Duration latency() {
    return latency;
  }

  /** Every hand-over, repeats included. */
  long calls() {
    return calls.get();
  }

  /** Distinct notifications accepted. */
  long accepted() {
    return acceptedAtMillis.size();
  }

  Map<UUID, Long> acceptedAtMillis() {
    return acceptedAtMillis;
  }
}

package dev.herald.bench;

import dev.herald.delivery.EmailProvider;
import dev.herald.delivery.OutgoingEmail;
import java.time.Duration;

/**
 * A provider that takes every email after a fixed latency, as a remote API would. It sleeps: it
 * stands for the provider, not for Herald. What it took is counted by {@link CountedProviders}.
 */
final class StubEmailProvider implements EmailProvider {

  static final String NAME = "bench-stub";

  private final Duration latency;

  StubEmailProvider(Duration latency) {
    this.latency = latency;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String send(OutgoingEmail email) {
    pause(latency);
    return "stub-" + email.notificationId();
  }

  /** The provider's latency, on the delivery thread that called it. */
  static void pause(Duration latency) {
    try {
      Thread.sleep(latency);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package dev.herald.bench;

import dev.herald.delivery.OutgoingSms;
import dev.herald.delivery.SmsProvider;
import java.time.Duration;

/**
 * {@link StubEmailProvider}'s twin for text messages: takes every message after a fixed latency. UK
 * numbers only, as the benchmark sends.
 */
final class StubSmsProvider implements SmsProvider {

  static final String NAME = "bench-stub-sms";

  private final Duration latency;

  StubSmsProvider(Duration latency) {
    this.latency = latency;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean supportsInternational() {
    return false;
  }

  @Override
  public String send(OutgoingSms sms) {
    StubEmailProvider.pause(latency);
    return "stub-" + sms.notificationId();
  }
}

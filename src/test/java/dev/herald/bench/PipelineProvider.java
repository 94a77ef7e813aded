package dev.herald.bench;

import dev.herald.delivery.EmailProvider;
import dev.herald.delivery.SmsProvider;
import dev.herald.testdata.Herald;
import java.time.Duration;
import java.util.Map;
import org.springframework.context.support.GenericApplicationContext;

/** Which provider takes the pipeline benchmark's messages ({@code --provider}). */
enum PipelineProvider {
  /**
   * A stub of fixed latency ({@link StubEmailProvider}, {@link StubSmsProvider}) as the only active
   * provider of the type: the outbox is stood down through the admin API once Herald is up.
   */
  STUB,
  /**
   * Herald's default configuration: the outbox provider of the type, whose simulated receipt is
   * applied in the hand-over.
   */
  OUTBOX;

  static PipelineProvider of(Map<String, String> options) {
    return BenchOptions.choice(options, "provider", STUB);
  }

  /**
   * The stub as one more provider bean, by an initializer rather than a {@code @Component}, so that
   * component scanning does not add it to the tests.
   */
  void register(GenericApplicationContext context, BenchType type, Duration latency) {
    if (this == OUTBOX) {
      return;
    }
    if (type == BenchType.EMAIL) {
      context.registerBean(
          "benchStubEmailProvider", EmailProvider.class, () -> new StubEmailProvider(latency));
    } else {
      context.registerBean(
          "benchStubSmsProvider", SmsProvider.class, () -> new StubSmsProvider(latency));
    }
  }

  /**
   * Leaves this provider the only active one of the type. Setting {@code herald.smtp.host} (or
   * {@code herald.smpp.host}) would stand the outbox down too, but start a real provider pointed at
   * nothing.
   */
  void standDownOthers(Herald herald, BenchType type) {
    if (this == STUB) {
      herald.adminOk("PATCH", "/admin/providers/" + outboxName(type), Map.of("active", false));
    }
  }

  /** The provider's name, as {@code sent_by} records it. */
  String providerName(BenchType type) {
    return switch (this) {
      case STUB -> type == BenchType.EMAIL ? StubEmailProvider.NAME : StubSmsProvider.NAME;
      case OUTBOX -> outboxName(type);
    };
  }

  /**
   * For the configuration line: {@code stub provider bench-stub-sms (50 ms, outbox stood down)}.
   */
  String describe(BenchType type, Duration latency) {
    return switch (this) {
      case STUB ->
          String.format(
              "stub provider %s (%d ms, outbox stood down)",
              providerName(type), latency.toMillis());
      case OUTBOX -> String.format("outbox provider %s (Herald's default)", providerName(type));
    };
  }

  /** The outbox providers' names ({@code OutboxProviders}, package-private in Herald). */
  private static String outboxName(BenchType type) {
    return type == BenchType.EMAIL ? "outbox" : "outbox-sms";
  }
}

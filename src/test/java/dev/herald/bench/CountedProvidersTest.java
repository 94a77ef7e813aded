package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.delivery.EmailProvider;
import dev.herald.delivery.OutgoingEmail;
import dev.herald.delivery.OutgoingSms;
import dev.herald.delivery.SmsProvider;
import dev.herald.notification.NotificationStatus;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.Lifecycle;

class CountedProvidersTest {

  private final CountedProviders counted = new CountedProviders();

  @Test
  void passesEachCallThroughAndCountsCallsAndDistinctNotifications() throws Exception {
    EmailProvider email =
        (EmailProvider)
            counted.postProcessAfterInitialization(
                new StubEmailProvider(Duration.ZERO), "benchStubEmailProvider");
    SmsProvider sms =
        (SmsProvider)
            counted.postProcessAfterInitialization(
                new StubSmsProvider(Duration.ZERO), "benchStubSmsProvider");
    UUID once = UUID.randomUUID();
    UUID twice = UUID.randomUUID();

    assertThat(email.send(email(once))).isEqualTo("stub-" + once);
    email.send(email(twice));
    email.send(email(twice));
    sms.send(new OutgoingSms(UUID.randomUUID(), "Herald", "447811000001", "Hi", false));

    assertThat(email.name()).isEqualTo(StubEmailProvider.NAME);
    assertThat(sms.supportsInternational()).isFalse();
    assertThat(counted.notifications()).isEqualTo(3);
    assertThat(counted.calls())
        .isEqualTo(Map.of(StubEmailProvider.NAME, 3L, StubSmsProvider.NAME, 1L));
  }

  @Test
  void keepsTheProvidersSimulatedReceipt() throws Exception {
    EmailProvider simulating =
        new EmailProvider() {
          @Override
          public String name() {
            return "simulating";
          }

          @Override
          public String send(OutgoingEmail email) {
            return "ref";
          }

          @Override
          public Optional<NotificationStatus> simulatedReceipt(OutgoingEmail email) {
            return Optional.of(NotificationStatus.DELIVERED);
          }
        };
    EmailProvider wrapped =
        (EmailProvider) counted.postProcessAfterInitialization(simulating, "simulating");

    assertThat(wrapped).isNotSameAs(simulating);
    assertThat(wrapped.simulatedReceipt(email(UUID.randomUUID())))
        .contains(NotificationStatus.DELIVERED);
  }

  @Test
  void leavesOtherBeansAndProvidersWithALifecycleAsTheyAre() {
    Object plain = new Object();
    var withLifecycle = new ProviderWithLifecycle();

    assertThat(counted.postProcessAfterInitialization(plain, "plain")).isSameAs(plain);
    assertThat(counted.postProcessAfterInitialization(withLifecycle, "smpp"))
        .isSameAs(withLifecycle);
  }

  /** As SMPP's provider: Spring starts and stops it, so it must stay what it is. */
  private static final class ProviderWithLifecycle implements SmsProvider, Lifecycle {
    @Override
    public String name() {
      return "smpp";
    }

    @Override
    public boolean supportsInternational() {
      return true;
    }

    @Override
    public String send(OutgoingSms sms) {
      return "ref";
    }

    @Override
    public void start() {}

    @Override
    public void stop() {}

    @Override
    public boolean isRunning() {
      return true;
    }
  }

  private static OutgoingEmail email(UUID id) {
    return new OutgoingEmail(
        id, "Bench", "bench@example.com", "a@example.com", "S", "<p>b</p>", "b", null, null);
  }
}

package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.delivery.Simulator;
import dev.herald.notification.NotificationStatus;
import dev.herald.recipient.PhoneNumber;
import dev.herald.recipient.PhoneNumbers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void readsTheTypeAndTheProviderInLowerCaseWithTheirDefaults() {
    Map<String, String> options =
        BenchOptions.parse(new String[] {"--type=sms --provider=outbox"}, "usage");

    assertThat(BenchType.of(options)).isEqualTo(BenchType.SMS);
    assertThat(PipelineProvider.of(options)).isEqualTo(PipelineProvider.OUTBOX);
    assertThat(BenchType.of(Map.of())).isEqualTo(BenchType.EMAIL);
    assertThat(PipelineProvider.of(Map.of())).isEqualTo(PipelineProvider.STUB);
  }

  @Test
  void rejectsAChoiceNotAmongTheConstants() {
    assertThatThrownBy(() -> BenchType.of(Map.of("type", "letter")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--type must be one of email, sms, not letter");
    assertThatThrownBy(() -> PipelineProvider.of(Map.of("provider", "STUB")))
        .hasMessage("--provider must be one of stub, outbox, not STUB");
  }

  @Test
  void takesTheOptionsWithADotAsHeraldSettings() {
    Map<String, String> options =
        BenchOptions.parse(
            new String[] {"--clients=32", "--herald.delivery.threads=512 --type=sms"}, "usage");

    assertThat(BenchOptions.heraldSettings(options))
        .containsExactly(Map.entry("herald.delivery.threads", "512"));
  }

  @Test
  void saysTheConfigurationOnItsLineAndInACalibratedSubject() {
    BenchConfiguration configuration =
        new BenchConfiguration(
            BenchType.SMS,
            PipelineProvider.STUB.describe(BenchType.SMS, Duration.ofMillis(50)),
            "32",
            "durable database",
            Map.of());

    assertThat(configuration.line())
        .isEqualTo(
            "configuration: sms, stub provider bench-stub-sms (50 ms, outbox stood down),"
                + " 32 clients, durable database, Herald's default settings");
    assertThat(
            new BenchConfiguration(
                    BenchType.EMAIL,
                    PipelineProvider.OUTBOX.describe(BenchType.EMAIL, Duration.ZERO),
                    "16,64",
                    "durable database",
                    Map.of("herald.delivery.threads", "512"))
                .withClients(64)
                .subject("accepted (201)"))
        .isEqualTo(
            "accepted (201) [email, outbox provider outbox (Herald's default), 64 clients,"
                + " durable database, Herald settings herald.delivery.threads=512]");
  }

  @Test
  void sendsTextMessagesToUkMobilesTheOutboxDelivers() {
    for (long n : new long[] {0, 2, 3, 111, 222, 900_002, 900_003, 999_999, 1_000_000}) {
      PhoneNumber number = PhoneNumbers.validate(BenchType.SMS.recipient(n), false, false);

      assertThat(number.international()).isFalse();
      assertThat(PhoneNumbers.isSmokeTestNumber(number.normalised())).isFalse();
      assertThat(Simulator.outcomeForSms(number.normalised()))
          .isEqualTo(NotificationStatus.DELIVERED);
    }
    assertThat(BenchType.SMS.path()).isEqualTo("/v2/notifications/sms");
    assertThat(BenchType.EMAIL.recipient(7)).isEqualTo("bench-7@example.com");
  }
}

package dev.herald.provider.sms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.receipt.ReceiptSink;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class SmppConfigurationTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(SmppConfiguration.class)
          .withBean(ReceiptSink.class, SmppRecordingReceipts::new)
          .withBean(Clock.class, Clock::systemUTC);

  @Test
  void hasNoSmppProviderWithoutHost() {
    context.run(c -> assertThat(c).doesNotHaveBean(SmppSmsProvider.class));
  }

  @Test
  void bindsSettingsFromHeraldSmppEnvironmentVariables() {
    Map<String, Object> env =
        Map.of(
            "HERALD_SMPP_HOST", "localhost",
            "HERALD_SMPP_PORT", "1",
            "HERALD_SMPP_SYSTEM_ID", "herald",
            "HERALD_SMPP_PASSWORD", "secret",
            "HERALD_SMPP_NAME", "operator",
            "HERALD_SMPP_INTERNATIONAL", "true",
            "HERALD_SMPP_ENQUIRE_LINK_INTERVAL", "10s",
            "HERALD_SMPP_RECONNECT_MAX_BACKOFF", "2m");
    context
        .withInitializer(
            c ->
                c.getEnvironment()
                    .getPropertySources()
                    .addFirst(
                        new SystemEnvironmentPropertySource(
                            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env)))
        .run(
            c -> {
              SmppProperties properties = c.getBean(SmppProperties.class);
              assertThat(properties.systemId()).isEqualTo("herald");
              assertThat(properties.systemType()).isEmpty();
              assertThat(properties.enquireLinkInterval()).isEqualTo(Duration.ofSeconds(10));
              assertThat(properties.reconnectMaxBackoff()).isEqualTo(Duration.ofMinutes(2));
              SmppSmsProvider provider = c.getBean(SmppSmsProvider.class);
              assertThat(provider.name()).isEqualTo("operator");
              assertThat(provider.supportsInternational()).isTrue();
            });
  }

  @Test
  void defaultsNameToSmppAndInternationalToFalse() {
    context
        .withPropertyValues("herald.smpp.host=localhost", "herald.smpp.port=1")
        .run(
            c -> {
              SmppSmsProvider provider = c.getBean(SmppSmsProvider.class);
              assertThat(provider.name()).isEqualTo("smpp");
              assertThat(provider.supportsInternational()).isFalse();
              assertThat(c.getBean(SmppProperties.class).enquireLinkInterval())
                  .isEqualTo(Duration.ofSeconds(30));
            });
  }
}

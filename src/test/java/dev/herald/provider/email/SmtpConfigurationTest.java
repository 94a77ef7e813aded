package dev.herald.provider.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SmtpConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(SmtpConfiguration.class)
          .withBean(Clock.class, Clock::systemUTC);

  @Test
  void hasNoSmtpProviderWithoutAHost() {
    runner.run(context -> assertThat(context).doesNotHaveBean(SmtpEmailProvider.class));
  }

  @Test
  void hasAnSmtpProviderWhenTheHostIsSet() {
    runner
        .withPropertyValues("herald.smtp.host=mail.test")
        .run(
            context -> {
              assertThat(context).hasSingleBean(SmtpEmailProvider.class);
              assertThat(context.getBean(SmtpEmailProvider.class).name()).isEqualTo("smtp");
            });
  }

  @Test
  void bindsTheSettingsWithTheirDefaults() {
    runner
        .withPropertyValues("herald.smtp.host=mail.test", "herald.smtp.starttls=true")
        .run(
            context -> {
              SmtpProperties properties = context.getBean(SmtpProperties.class);
              assertThat(properties.port()).isEqualTo(587);
              assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(10));
              assertThat(properties.maxConnections()).isEqualTo(4);
              assertThat(properties.username()).isNull();
            });
  }

  @Test
  void bindsEverySetting() {
    runner
        .withPropertyValues(
            "herald.smtp.host=mail.test",
            "herald.smtp.port=2525",
            "herald.smtp.username=herald",
            "herald.smtp.password=secret",
            "herald.smtp.timeout=3s",
            "herald.smtp.max-connections=8")
        .run(
            context -> {
              SmtpProperties properties = context.getBean(SmtpProperties.class);
              assertThat(properties.port()).isEqualTo(2525);
              assertThat(properties.starttls()).isFalse();
              assertThat(properties.username()).isEqualTo("herald");
              assertThat(properties.password()).isEqualTo("secret");
              assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(3));
              assertThat(properties.maxConnections()).isEqualTo(8);
              assertThat(properties.toString()).doesNotContain("secret");
            });
  }
}

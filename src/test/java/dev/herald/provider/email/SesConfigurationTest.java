package dev.herald.provider.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SesConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(SesConfiguration.class)
          .withBean(Clock.class, Clock::systemUTC);

  @Test
  void hasNoSesProviderWithoutARegion() {
    runner.run(context -> assertThat(context).doesNotHaveBean(SesEmailProvider.class));
    runner
        .withPropertyValues("herald.ses.region=")
        .run(context -> assertThat(context).doesNotHaveBean(SesEmailProvider.class));
  }

  @Test
  void hasAnSesProviderWithDefaultsWhenTheRegionIsSet() {
    runner
        .withPropertyValues("herald.ses.region=eu-west-2")
        .run(
            context -> {
              assertThat(context).hasSingleBean(SesEmailProvider.class);
              assertThat(context.getBean(SesEmailProvider.class).name()).isEqualTo("ses");
              SesProperties properties = context.getBean(SesProperties.class);
              assertThat(properties.endpoint()).isNull();
              assertThat(properties.accessKeyId()).isNull();
              assertThat(properties.configurationSet()).isNull();
              assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(10));
              assertThat(properties.snsTopicArns()).isEmpty();
              assertThat("sns.eu-west-2.amazonaws.com").matches(properties.snsCertificateHosts());
              assertThat("sns.us-east-1.amazonaws.com")
                  .doesNotMatch(properties.snsCertificateHosts());
              assertThat("snsXeu-west-2.amazonaws.com")
                  .doesNotMatch(properties.snsCertificateHosts());
            });
  }

  @Test
  void bindsEverySettingAndKeepsTheSecretOutOfToString() {
    runner
        .withPropertyValues(
            "herald.ses.region=eu-west-1",
            "herald.ses.endpoint=http://127.0.0.1:4566",
            "herald.ses.access-key-id=AKIDEXAMPLE",
            "herald.ses.secret-access-key=very-secret",
            "herald.ses.configuration-set=herald-events",
            "herald.ses.name=ses-ireland",
            "herald.ses.timeout=3s",
            "herald.ses.sns-certificate-host-pattern=127\\.0\\.0\\.1",
            "herald.ses.sns-topic-arns=arn:aws:sns:eu-west-1:1:a,arn:aws:sns:eu-west-1:1:b")
        .run(
            context -> {
              SesProperties properties = context.getBean(SesProperties.class);
              assertThat(properties.endpoint()).isEqualTo(URI.create("http://127.0.0.1:4566"));
              assertThat(properties.secretAccessKey()).isEqualTo("very-secret");
              assertThat(properties.configurationSet()).isEqualTo("herald-events");
              assertThat(context.getBean(SesEmailProvider.class).name()).isEqualTo("ses-ireland");
              assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(3));
              assertThat("127.0.0.1").matches(properties.snsCertificateHosts());
              assertThat(properties.snsTopicArns())
                  .isEqualTo(List.of("arn:aws:sns:eu-west-1:1:a", "arn:aws:sns:eu-west-1:1:b"));
              assertThat(properties.toString()).doesNotContain("very-secret");
            });
  }

  @Test
  void refusesAKeyWithoutItsSecret() {
    runner
        .withPropertyValues("herald.ses.region=eu-west-2", "herald.ses.access-key-id=AKIDEXAMPLE")
        .run(context -> assertThat(context).hasFailed());
  }
}

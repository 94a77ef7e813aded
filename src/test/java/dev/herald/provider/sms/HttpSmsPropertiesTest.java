package dev.herald.provider.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class HttpSmsPropertiesTest {

  private static HttpSmsProperties fromEnvironment(Map<String, Object> variables) {
    SystemEnvironmentPropertySource env = new SystemEnvironmentPropertySource("env", variables);
    return new Binder(ConfigurationPropertySources.from(env))
        .bind("herald.http-sms", HttpSmsProperties.class)
        .get();
  }

  @Test
  void bindsTheHeraldHttpSmsEnvironmentVariables() {
    HttpSmsProperties properties =
        fromEnvironment(
            Map.of(
                "HERALD_HTTP_SMS_URL", "https://aggregator.example/v1/send",
                "HERALD_HTTP_SMS_API_KEY", "key",
                "HERALD_HTTP_SMS_NAME", "acme",
                "HERALD_HTTP_SMS_INTERNATIONAL", "true",
                "HERALD_HTTP_SMS_TIMEOUT", "3s",
                "HERALD_HTTP_SMS_CALLBACK_TOKEN", "token"));

    assertThat(properties)
        .isEqualTo(
            new HttpSmsProperties(
                URI.create("https://aggregator.example/v1/send"),
                "key",
                "acme",
                true,
                Duration.ofSeconds(3),
                "token"));
  }

  @Test
  void defaultsToTheNameHttpSmsUkOnlyAndTenSeconds() {
    HttpSmsProperties properties =
        fromEnvironment(Map.of("HERALD_HTTP_SMS_URL", "http://localhost:8080/send"));

    assertThat(properties.name()).isEqualTo("http-sms");
    assertThat(properties.international()).isFalse();
    assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(10));
  }
}

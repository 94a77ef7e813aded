package dev.herald.provider.sms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.delivery.SmsProvider;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class HttpSmsConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withBean(ObjectMapper.class, () -> JsonMapper.builder().build())
          .withUserConfiguration(HttpSmsConfiguration.class);

  @Test
  void isOffWithoutAUrl() {
    runner.run(context -> assertThat(context).doesNotHaveBean(SmsProvider.class));
    runner
        .withPropertyValues("herald.http-sms.url=")
        .run(context -> assertThat(context).doesNotHaveBean(SmsProvider.class));
  }

  @Test
  void offersTheProviderWhenTheUrlIsSet() {
    runner
        .withPropertyValues("herald.http-sms.url=https://aggregator.example/send")
        .run(
            context -> assertThat(context.getBean(SmsProvider.class).name()).isEqualTo("http-sms"));
  }

  @Test
  void refusesToStartWithAUrlThatIsNotHttp() {
    runner
        .withPropertyValues("herald.http-sms.url=ftp://aggregator.example/send")
        .run(context -> assertThat(context).hasFailed());
  }
}

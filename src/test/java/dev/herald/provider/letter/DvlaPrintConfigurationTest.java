package dev.herald.provider.letter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.print.PrintProvider;
import dev.herald.support.SecretBox;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class DvlaPrintConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withBean(ObjectMapper.class, () -> JsonMapper.builder().build())
          .withBean(Clock.class, Clock::systemUTC)
          .withBean(SecretBox.class, () -> SecretBox.withKey(new byte[32]))
          .withUserConfiguration(DvlaPrintConfiguration.class);

  private final String[] complete = {
    "herald.print.dvla.url=https://dvla.example",
    "herald.print.dvla.username=herald",
    "herald.print.dvla.password=secret",
    "herald.print.dvla.api-key=key",
    "herald.print.dvla.callback-url=https://herald.example"
  };

  @Test
  void isOffWithoutAUrl() {
    runner.run(context -> assertThat(context).doesNotHaveBean(PrintProvider.class));
    runner
        .withPropertyValues("herald.print.dvla.url=")
        .run(context -> assertThat(context).doesNotHaveBean(PrintProvider.class));
  }

  @Test
  void offersTheProviderWithItsDefaultsWhenConfigured() {
    runner
        .withPropertyValues(complete)
        .run(
            context -> {
              PrintProvider provider = context.getBean(PrintProvider.class);
              assertThat(provider.name()).isEqualTo("dvla");
              assertThat(provider.maxBatchLetters()).isEqualTo(100);
              DvlaPrintProperties properties = context.getBean(DvlaPrintProperties.class);
              assertThat(properties.concurrency()).isEqualTo(4);
              assertThat(properties.toString()).doesNotContain("secret").doesNotContain("key");
            });
  }

  @Test
  void refusesToStartWithoutTheCallbackUrlSayingWhy() {
    runner
        .withPropertyValues(complete)
        .withPropertyValues("herald.print.dvla.callback-url=")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("HERALD_PRINT_DVLA_CALLBACK_URL must be set"));
  }

  @Test
  void refusesToStartWithoutCredentialsOrWithNoConcurrency() {
    runner
        .withPropertyValues(complete)
        .withPropertyValues("herald.print.dvla.api-key= ")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("HERALD_PRINT_DVLA_API_KEY must be set"));
    runner
        .withPropertyValues(complete)
        .withPropertyValues("herald.print.dvla.concurrency=0")
        .run(context -> assertThat(context).hasFailed());
  }
}

package dev.herald.provider.letter;

import dev.herald.support.ConditionalOnSetting;
import dev.herald.support.SecretBox;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns on the print API in DVLA's shape, and its callback, when {@code HERALD_PRINT_DVLA_URL} is
 * set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSetting("herald.print.dvla.url")
@EnableConfigurationProperties(DvlaPrintProperties.class)
class DvlaPrintConfiguration {

  @Bean
  PrintCallbackTokens printCallbackTokens(SecretBox secrets) {
    return new PrintCallbackTokens(secrets);
  }

  @Bean(destroyMethod = "close")
  DvlaPrintProvider dvlaPrintProvider(
      DvlaPrintProperties properties, PrintCallbackTokens tokens, ObjectMapper json, Clock clock) {
    return new DvlaPrintProvider(properties, tokens, json, clock);
  }
}

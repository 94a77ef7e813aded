package dev.herald.provider.sms;

import dev.herald.support.ConditionalOnSetting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/** Turns on the HTTP aggregator provider when {@code HERALD_HTTP_SMS_URL} is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSetting("herald.http-sms.url")
@EnableConfigurationProperties(HttpSmsProperties.class)
class HttpSmsConfiguration {

  private static final Logger log = LoggerFactory.getLogger(HttpSmsConfiguration.class);

  @Bean(destroyMethod = "close")
  HttpSmsProvider httpSmsProvider(HttpSmsProperties properties, ObjectMapper json) {
    if (properties.callbackToken() == null || properties.callbackToken().isBlank()) {
      log.warn(
          "HERALD_HTTP_SMS_CALLBACK_TOKEN is not set: receipts and received texts from {} will"
              + " be refused",
          properties.name());
    }
    return new HttpSmsProvider(properties, json);
  }
}

package dev.herald.provider.sms;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import tools.jackson.databind.ObjectMapper;

/** Turns on the HTTP aggregator provider when {@code HERALD_HTTP_SMS_URL} is set. */
@Configuration(proxyBeanMethods = false)
@Conditional(HttpSmsConfiguration.UrlSet.class)
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

  /** Matches when {@code herald.http-sms.url} has a value: an empty variable leaves it off. */
  static class UrlSet extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      String url = context.getEnvironment().getProperty("herald.http-sms.url");
      return url == null || url.isBlank()
          ? ConditionOutcome.noMatch("herald.http-sms.url is not set")
          : ConditionOutcome.match("herald.http-sms.url is set");
    }
  }
}

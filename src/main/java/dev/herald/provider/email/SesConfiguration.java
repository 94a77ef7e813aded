package dev.herald.provider.email;

import dev.herald.support.ConditionalOnSetting;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Amazon SES provider and its SNS event endpoint, present only when HERALD_SES_REGION is set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSetting("herald.ses.region")
@EnableConfigurationProperties(SesProperties.class)
class SesConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SesConfiguration.class);

  @Bean(destroyMethod = "close")
  SesEmailProvider sesEmailProvider(SesProperties properties, Clock clock) {
    return new SesEmailProvider(properties, clock);
  }

  @Bean
  SnsHosts snsHosts(SesProperties properties) {
    if (properties.snsTopicArns().isEmpty()) {
      log.warn("HERALD_SES_SNS_TOPIC_ARNS is not set: SES events from any SNS topic are taken");
    }
    return new SnsHosts(properties.snsCertificateHosts(), properties.timeout());
  }

  @Bean
  SnsSignature snsSignature(SnsHosts hosts, Clock clock) {
    return new SnsSignature(hosts, clock);
  }
}

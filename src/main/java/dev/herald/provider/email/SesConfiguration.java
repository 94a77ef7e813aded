package dev.herald.provider.email;

import java.time.Clock;
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

/**
 * The Amazon SES provider and its SNS event endpoint, present only when HERALD_SES_REGION is set.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SesConfiguration.RegionSet.class)
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

  /** Matches when {@code herald.ses.region} has a value: an empty variable leaves it off. */
  static class RegionSet extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      String region = context.getEnvironment().getProperty("herald.ses.region");
      return region == null || region.isBlank()
          ? ConditionOutcome.noMatch("herald.ses.region is not set")
          : ConditionOutcome.match("herald.ses.region is set");
    }
  }
}

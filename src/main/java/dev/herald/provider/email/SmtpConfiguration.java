package dev.herald.provider.email;

import dev.herald.support.ConditionalOnSetting;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SMTP provider, present only when {@code HERALD_SMTP_HOST} is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSetting("herald.smtp.host")
@EnableConfigurationProperties(SmtpProperties.class)
class SmtpConfiguration {

  @Bean(destroyMethod = "close")
  SmtpEmailProvider smtpEmailProvider(SmtpProperties properties, Clock clock) {
    return new SmtpEmailProvider(properties, clock);
  }
}

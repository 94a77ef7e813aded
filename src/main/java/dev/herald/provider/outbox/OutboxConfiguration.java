package dev.herald.provider.outbox;

import dev.herald.delivery.EmailProvider;
import dev.herald.delivery.SmsProvider;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The outbox takes email when no email provider is configured (no {@code HERALD_SMTP_HOST} or
 * {@code HERALD_SES_REGION}), and text messages when no SMS provider is ({@code HERALD_SMPP_HOST},
 * {@code HERALD_HTTP_SMS_URL}).
 */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

  @Bean
  @Conditional(NoProviderConfigured.Email.class)
  EmailProvider outboxEmailProvider(Outbox outbox, Clock clock) {
    return OutboxProviders.email(outbox, clock);
  }

  @Bean
  @Conditional(NoProviderConfigured.Sms.class)
  SmsProvider outboxSmsProvider(Outbox outbox, Clock clock) {
    return OutboxProviders.sms(outbox, clock);
  }
}

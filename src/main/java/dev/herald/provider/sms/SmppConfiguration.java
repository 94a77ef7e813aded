package dev.herald.provider.sms;

import dev.herald.receipt.ReceiptSink;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SMPP provider, present only when {@code herald.smpp.host} is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("herald.smpp.host")
@EnableConfigurationProperties(SmppProperties.class)
class SmppConfiguration {

  @Bean(initMethod = "start", destroyMethod = "close")
  SmppSmsProvider smppSmsProvider(SmppProperties properties, ReceiptSink receipts, Clock clock) {
    return new SmppSmsProvider(properties, receipts, clock);
  }
}

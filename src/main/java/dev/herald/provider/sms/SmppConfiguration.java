package dev.herald.provider.sms;

import dev.herald.receipt.ReceiptSink;
import dev.herald.support.ConditionalOnSetting;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SMPP provider, present only when {@code herald.smpp.host} is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSetting("herald.smpp.host")
@EnableConfigurationProperties(SmppProperties.class)
class SmppConfiguration {

  @Bean(initMethod = "start", destroyMethod = "close")
  SmppSmsProvider smppSmsProvider(SmppProperties properties, ReceiptSink receipts, Clock clock) {
    return new SmppSmsProvider(properties, receipts, clock);
  }
}

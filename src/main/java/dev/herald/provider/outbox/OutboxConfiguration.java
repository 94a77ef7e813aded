package dev.herald.provider.outbox;

import dev.herald.delivery.EmailProvider;
import dev.herald.delivery.SmsProvider;
import dev.herald.print.PrintProvider;
import dev.herald.support.AdminToken;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.handler.MappedInterceptor;

/**
 * The outbox takes email when no email provider is configured (no {@code HERALD_SMTP_HOST} or
 * {@code HERALD_SES_REGION}), and text messages when no SMS provider is ({@code HERALD_SMPP_HOST},
 * {@code HERALD_HTTP_SMS_URL}). The outbox pages and the actuator endpoints other than health
 * answer only local requests and requests with the admin token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
class OutboxConfiguration {

  private static final Logger log = LoggerFactory.getLogger(OutboxConfiguration.class);

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

  /** Always there; letters go to it only when no print provider is configured (PrintProviders). */
  @Bean
  PrintProvider outboxPrintProvider() {
    return OutboxProviders.print();
  }

  /** A mapped interceptor bean applies to every handler mapping, the actuator's included. */
  @Bean
  MappedInterceptor localOrAdminAccess(
      AdminToken token, OutboxProperties properties, Environment environment) {
    boolean trustLoopback = properties.allowLoopback();
    if (trustLoopback && remoteAddressFromHeaders(environment)) {
      log.info(
          "Forwarded headers set the remote address: the outbox and metrics need the admin token");
      trustLoopback = false;
    }
    return new MappedInterceptor(
        new String[] {"/outbox", "/outbox.json", "/outbox/**", "/actuator/**"},
        new String[] {"/actuator/health/**"},
        new LocalOrAdminInterceptor(token, trustLoopback));
  }

  /**
   * True when Tomcat's RemoteIpValve or Spring's ForwardedHeaderFilter may take the remote address
   * from a request header, as Spring Boot decides it: then a client could claim to be 127.0.0.1.
   */
  static boolean remoteAddressFromHeaders(Environment environment) {
    Binder binder = Binder.get(environment);
    for (String header :
        new String[] {
          "server.tomcat.remoteip.remote-ip-header", "server.tomcat.remoteip.protocol-header"
        }) {
      if (binder.bind(header, String.class).map(StringUtils::hasText).orElse(false)) {
        return true;
      }
    }
    String strategy = binder.bind("server.forward-headers-strategy", String.class).orElse(null);
    if (strategy != null) {
      return !strategy.strip().equalsIgnoreCase("none");
    }
    CloudPlatform platform = CloudPlatform.getActive(environment);
    return platform != null && platform.isUsingForwardHeaders();
  }
}

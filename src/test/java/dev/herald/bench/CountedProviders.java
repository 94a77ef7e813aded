package dev.herald.bench;

import dev.herald.delivery.EmailProvider;
import dev.herald.delivery.OutgoingEmail;
import dev.herald.delivery.OutgoingSms;
import dev.herald.delivery.ProviderException;
import dev.herald.delivery.SmsProvider;
import dev.herald.notification.NotificationStatus;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.Lifecycle;

/**
 * Every email and SMS provider bean of Herald, each wrapped as it is made in one that passes every
 * call through unchanged and counts the messages it took: its calls, and each notification once. So
 * the pipeline benchmark can check that every accepted notification reached a provider exactly once
 * with any provider, the outbox of Herald's default configuration too (which keeps only its last
 * 500 messages). A provider with a lifecycle of its own (SMPP) is left unwrapped, since the wrapper
 * would hide it from Spring; the check's count in the database still sees what it took.
 */
final class CountedProviders implements BeanPostProcessor {

  private final Set<UUID> notifications = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    return switch (bean) {
      case Lifecycle running -> running;
      case EmailProvider p -> email(p);
      case SmsProvider p -> sms(p);
      default -> bean;
    };
  }

  /** Distinct notifications taken by any provider. */
  long notifications() {
    return notifications.size();
  }

  /** Messages taken, repeats included, by provider name. */
  Map<String, Long> calls() {
    Map<String, Long> byName = new TreeMap<>();
    calls.forEach((name, n) -> byName.put(name, n.get()));
    return byName;
  }

  private void took(String provider, UUID notification) {
    calls.computeIfAbsent(provider, p -> new AtomicLong()).incrementAndGet();
    notifications.add(notification);
  }

  private EmailProvider email(EmailProvider provider) {
    return new EmailProvider() {
      @Override
      public String name() {
        return provider.name();
      }

      @Override
      public String send(OutgoingEmail email) throws ProviderException {
        String reference = provider.send(email);
        took(provider.name(), email.notificationId());
        return reference;
      }

      @Override
      public Optional<NotificationStatus> simulatedReceipt(OutgoingEmail email) {
        return provider.simulatedReceipt(email);
      }
    };
  }

  private SmsProvider sms(SmsProvider provider) {
    return new SmsProvider() {
      @Override
      public String name() {
        return provider.name();
      }

      @Override
      public boolean supportsInternational() {
        return provider.supportsInternational();
      }

      @Override
      public String send(OutgoingSms sms) throws ProviderException {
        String reference = provider.send(sms);
        took(provider.name(), sms.notificationId());
        return reference;
      }

      @Override
      public Optional<NotificationStatus> simulatedReceipt(OutgoingSms sms) {
        return provider.simulatedReceipt(sms);
      }
    };
  }
}

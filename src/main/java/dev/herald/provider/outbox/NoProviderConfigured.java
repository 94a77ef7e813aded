package dev.herald.provider.outbox;

import java.util.List;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when none of the settings that configure a real provider of a kind is present. */
abstract class NoProviderConfigured implements Condition {

  private final List<String> settings;

  NoProviderConfigured(List<String> settings) {
    this.settings = settings;
  }

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return settings.stream()
        .map(context.getEnvironment()::getProperty)
        .allMatch(value -> value == null || value.isBlank());
  }

  static final class Email extends NoProviderConfigured {
    Email() {
      super(List.of("herald.smtp.host", "herald.ses.region"));
    }
  }

  static final class Sms extends NoProviderConfigured {
    Sms() {
      super(List.of("herald.smpp.host", "herald.http-sms.url"));
    }
  }
}

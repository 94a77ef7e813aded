package dev.herald.support;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The condition behind {@link ConditionalOnSetting}. */
class SettingCondition extends SpringBootCondition {

  /** Whether the setting has a non-blank value. */
  static boolean isSet(ConditionContext context, String name) {
    String value = context.getEnvironment().getProperty(name);
    return value != null && !value.isBlank();
  }

  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    String name =
        (String)
            metadata.getAnnotationAttributes(ConditionalOnSetting.class.getName()).get("value");
    return isSet(context, name)
        ? ConditionOutcome.match(name + " is set")
        : ConditionOutcome.noMatch(name + " is not set");
  }
}

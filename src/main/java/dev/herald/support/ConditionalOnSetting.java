package dev.herald.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when the setting has a non-blank value: {@code HERALD_SMTP_HOST=} (empty, as a compose
 * file's default may leave it) counts as not set, unlike {@code @ConditionalOnProperty}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(SettingCondition.class)
public @interface ConditionalOnSetting {

  /** The property, such as {@code herald.smtp.host}. */
  String value();
}

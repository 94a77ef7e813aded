package dev.herald.delivery;

import dev.herald.support.Sql;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Adds a {@code provider_details} row for each configured provider that has none yet. */
@Component
class ProviderRegistry implements SmartInitializingSingleton {

  /** Where a new SMS provider starts: the middle, so switching can move it either way. */
  static final int RESTING_PRIORITY = 50;

  private final JdbcClient jdbc;
  private final List<EmailProvider> email;
  private final List<SmsProvider> sms;
  private final Clock clock;

  ProviderRegistry(JdbcClient jdbc, List<EmailProvider> email, List<SmsProvider> sms, Clock clock) {
    this.jdbc = jdbc;
    this.email = email;
    this.sms = sms;
    this.clock = clock;
  }

  @Override
  public void afterSingletonsInstantiated() {
    email.forEach(p -> register(p.name(), "email", 100, false));
    sms.forEach(p -> register(p.name(), "sms", RESTING_PRIORITY, p.supportsInternational()));
  }

  private void register(String name, String type, int priority, boolean international) {
    jdbc.sql(
            """
            INSERT INTO provider_details (identifier, notification_type, priority, active,
                                          supports_international, updated_at)
            VALUES (:name, :type, :priority, true, :international, :now)
            ON CONFLICT (identifier) DO UPDATE SET supports_international = excluded.supports_international
            """)
        .param("name", name)
        .param("type", type)
        .param("priority", priority)
        .param("international", international)
        .param("now", Sql.ts(clock.instant()))
        .update();
  }
}

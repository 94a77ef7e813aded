package dev.herald.admin;

import dev.herald.service.Service;
import dev.herald.support.Ids;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/** What a new service has unless told otherwise: Notify's defaults, in trial mode. */
final class ServiceDefaults {

  private ServiceDefaults() {}

  /** A new service with no name yet, so no email sender local part either. */
  static Service newService(Instant now) {
    return new Service(
        Ids.random(),
        null,
        true,
        true,
        null,
        false,
        3000,
        999_999_999L,
        999_999_999L,
        999_999_999L,
        250_000L,
        null,
        Set.of("email", "sms"),
        now);
  }

  /** Notify's {@code email_safe}: lower case, dots for spaces, only letters, digits and dots. */
  static String emailSafe(String name) {
    String safe =
        name.toLowerCase(Locale.ROOT)
            .strip()
            .replaceAll("\\s+", ".")
            .replaceAll("[^a-z0-9._-]", "");
    safe = safe.replaceAll("\\.+", ".").replaceAll("^\\.|\\.$", "");
    return safe.isEmpty() ? "herald" : safe;
  }
}

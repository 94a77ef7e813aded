package dev.herald.delivery;

import dev.herald.notification.NotificationStatus;
import java.util.Locale;

/**
 * The outcomes Notify's simulator gives (test keys, and Herald's outbox): numbers ending 7700900003
 * fail temporarily, 7700900002 permanently; {@code temp-fail@simulator.notify} and {@code
 * perm-fail@simulator.notify} likewise; everything else is delivered.
 */
public final class Simulator {

  private Simulator() {}

  public static NotificationStatus outcomeForSms(String normalisedNumber) {
    if (normalisedNumber.endsWith("7700900003")) {
      return NotificationStatus.TEMPORARY_FAILURE;
    }
    if (normalisedNumber.endsWith("7700900002")) {
      return NotificationStatus.PERMANENT_FAILURE;
    }
    return NotificationStatus.DELIVERED;
  }

  public static NotificationStatus outcomeForEmail(String address) {
    return switch (address.strip().toLowerCase(Locale.ROOT)) {
      case "temp-fail@simulator.notify" -> NotificationStatus.TEMPORARY_FAILURE;
      case "perm-fail@simulator.notify" -> NotificationStatus.PERMANENT_FAILURE;
      default -> NotificationStatus.DELIVERED;
    };
  }
}

package dev.herald.provider.sms;

import dev.herald.notification.NotificationStatus;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message id and final state an SMSC reports in a delivery receipt, in the de facto format of
 * SMPP 3.4 Appendix B: {@code id:IIII sub:001 dlvrd:001 submit date:… done date:… stat:DELIVRD
 * err:000 text:…}.
 */
record SmppDeliveryReceipt(String messageId, String state) {

  private static final Pattern ID = Pattern.compile("(?i)\\bid:\\s*(\\S+)");
  private static final Pattern STAT = Pattern.compile("(?i)\\bstat:\\s*(\\w+)");

  /** Reads a receipt's text; empty when it carries no id or no state. */
  static Optional<SmppDeliveryReceipt> parse(String text) {
    Matcher id = ID.matcher(text);
    Matcher stat = STAT.matcher(text);
    if (!id.find() || !stat.find()) {
      return Optional.empty();
    }
    return Optional.of(new SmppDeliveryReceipt(id.group(1), stat.group(1).toUpperCase()));
  }

  /**
   * Notify's status for the state, following its MMG mapping: expired means the phone stayed
   * unreachable (temporary), undeliverable and rejected mean the number cannot take it (permanent),
   * an SMSC-side deletion or an unknown word is a technical failure.
   */
  NotificationStatus status() {
    return switch (state) {
      case "DELIVRD" -> NotificationStatus.DELIVERED;
      case "ACCEPTD", "ENROUTE" -> NotificationStatus.PENDING;
      case "EXPIRED" -> NotificationStatus.TEMPORARY_FAILURE;
      case "UNDELIV", "REJECTD" -> NotificationStatus.PERMANENT_FAILURE;
      default -> NotificationStatus.TECHNICAL_FAILURE;
    };
  }
}

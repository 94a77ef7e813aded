package dev.herald.delivery;

import java.util.UUID;

/**
 * A text message ready to hand over: the sender (a number as E.164 digits, or up to 11 letters),
 * the recipient as E.164 digits without '+', and the final text (service-name prefix included).
 * Holds personal data: never log it.
 */
public record OutgoingSms(
    UUID notificationId, String sender, String to, String text, boolean international) {

  @Override
  public String toString() {
    return "OutgoingSms[" + notificationId + "]";
  }
}

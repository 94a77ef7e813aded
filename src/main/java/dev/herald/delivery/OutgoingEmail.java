package dev.herald.delivery;

import java.util.UUID;

/**
 * An email ready to hand over: rendered HTML and plain text, From the service's name and address,
 * with reply-to and one-click unsubscribe (RFC 8058) when set. Holds personal data: never log it.
 */
public record OutgoingEmail(
    UUID notificationId,
    String fromName,
    String fromAddress,
    String to,
    String subject,
    String htmlBody,
    String textBody,
    String replyTo,
    String unsubscribeUrl) {

  @Override
  public String toString() {
    return "OutgoingEmail[" + notificationId + "]";
  }
}

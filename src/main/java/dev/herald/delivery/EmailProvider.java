package dev.herald.delivery;

import dev.herald.notification.NotificationStatus;
import java.util.Optional;

/** Something that takes emails for delivery: SMTP, Amazon SES, the outbox. */
public interface EmailProvider {

  /** The provider's name, recorded as the notification's {@code sent_by}. */
  String name();

  /**
   * Hands one email over. Answers the provider's reference for it (used to match receipts).
   *
   * @throws ProviderException saying whether trying again may help
   */
  String send(OutgoingEmail email) throws ProviderException;

  /**
   * For providers that only pretend to deliver (the outbox): the receipt to simulate for this email
   * once it is handed over. Real providers report receipts themselves.
   */
  default Optional<NotificationStatus> simulatedReceipt(OutgoingEmail email) {
    return Optional.empty();
  }
}

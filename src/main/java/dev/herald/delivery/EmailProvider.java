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
   * The receipt to record once this email is handed over, for providers that only pretend to
   * deliver (the outbox) or whose acceptance is all the word there will be (plain SMTP). Real
   * providers with receipts report them themselves.
   */
  default Optional<NotificationStatus> simulatedReceipt(OutgoingEmail email) {
    return Optional.empty();
  }
}

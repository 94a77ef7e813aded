package dev.herald.delivery;

import dev.herald.notification.NotificationStatus;
import java.util.Optional;

/** Something that takes text messages for delivery: SMPP, an HTTP aggregator, the outbox. */
public interface SmsProvider {

  /** The provider's name, recorded as the notification's {@code sent_by}. */
  String name();

  /** Whether it can deliver to numbers outside the UK. */
  boolean supportsInternational();

  /**
   * Hands one message over. Answers the provider's reference for it (used to match receipts).
   *
   * @throws ProviderException saying whether trying again may help
   */
  String send(OutgoingSms sms) throws ProviderException;

  /**
   * The receipt to record once this message is handed over, for providers that only pretend to
   * deliver (the outbox) or whose acceptance is all the word there will be (plain SMTP). Real
   * providers with receipts report them themselves.
   */
  default Optional<NotificationStatus> simulatedReceipt(OutgoingSms sms) {
    return Optional.empty();
  }
}

package dev.herald.delivery;

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
}

package dev.herald.notification;

import dev.herald.api.ApiException;
import dev.herald.auth.KeyType;
import dev.herald.recipient.EmailAddresses;
import dev.herald.recipient.InvalidRecipientException;
import dev.herald.recipient.PhoneNumber;
import dev.herald.recipient.PhoneNumbers;
import dev.herald.service.AllowedRecipients;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Whether a service may send to a recipient with a key: trial mode, team keys, permissions. */
@Component
class RecipientCheck {

  static final String TEAM_KEY = "Can’t send to this recipient using a team-only API key";
  static final String TRIAL_MODE =
      "Can’t send to this recipient when service is in trial mode – see"
          + " https://www.notifications.service.gov.uk/trial-mode";

  private final AllowedRecipients allowed;

  RecipientCheck(AllowedRecipients allowed) {
    this.allowed = allowed;
  }

  Recipient check(SendRequest request) {
    if (!"sms".equals(request.type())) {
      Recipient recipient = email(request.text("email_address"));
      restrict(request, recipient);
      return recipient;
    }
    String raw = request.text("phone_number");
    PhoneNumber number = PhoneNumbers.parse(raw);
    Recipient recipient = phone(number);
    restrict(request, recipient);
    // The permissions apply to the number as sent (stripped); it is the same text unless the
    // caller's had surrounding whitespace, and then it is parsed again.
    permitNumber(
        request, number.asSent().equals(raw) ? number : PhoneNumbers.parse(number.asSent()));
    return recipient;
  }

  private static Recipient phone(PhoneNumber number) {
    return new Recipient(
        number.asSent(),
        number.normalised(),
        number.international(),
        String.valueOf(number.countryCode()),
        PhoneNumbers.isSmokeTestNumber(number.normalised()));
  }

  private static Recipient email(String raw) {
    String asSent = EmailAddresses.validate(raw);
    return new Recipient(
        asSent,
        asSent.toLowerCase(Locale.ROOT),
        false,
        null,
        EmailAddresses.isSmokeTestAddress(asSent));
  }

  private void restrict(SendRequest request, Recipient recipient) {
    KeyType keyType = request.key().keyType();
    boolean restricted =
        keyType == KeyType.TEAM || (keyType == KeyType.NORMAL && request.service().restricted());
    if (!restricted
        || recipient.simulated()
        || allowed.allows(request.service().id(), recipient.normalised())) {
      return;
    }
    throw ApiException.badRequest(keyType == KeyType.TEAM ? TEAM_KEY : TRIAL_MODE);
  }

  private static void permitNumber(SendRequest request, PhoneNumber number) {
    if (number.international() && !request.service().can("international_sms")) {
      throw ApiException.badRequest("Cannot send to international mobile numbers");
    }
    if (number.ukLandline() && !request.service().can("sms_to_uk_landlines")) {
      throw new ApiException(400, "InvalidPhoneError", "Not a UK mobile number");
    }
    try {
      PhoneNumbers.permit(number, true, true);
    } catch (InvalidRecipientException e) {
      throw new ApiException(400, "InvalidPhoneError", e.getMessage());
    }
  }
}

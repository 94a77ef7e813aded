package dev.herald.recipient;

import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;

/**
 * Why Notify refuses a phone number, with the "legacy v2 API" message that the public API shows.
 */
enum PhoneProblem {
  INVALID_NUMBER("Number is not valid – double check the phone number you entered"),
  TOO_LONG("Too many digits"),
  TOO_SHORT("Not enough digits"),
  NOT_A_UK_MOBILE("Not a UK mobile number"),
  UNKNOWN_CHARACTER("Must not contain letters or symbols"),
  UNSUPPORTED_COUNTRY_CODE("Not a valid country prefix");

  private final String message;

  PhoneProblem(String message) {
    this.message = message;
  }

  InvalidRecipientException exception() {
    return new InvalidRecipientException(message);
  }

  static PhoneProblem of(ValidationResult result) {
    return switch (result) {
      case TOO_LONG -> TOO_LONG;
      case TOO_SHORT, IS_POSSIBLE_LOCAL_ONLY -> TOO_SHORT;
      case INVALID_COUNTRY_CODE -> UNSUPPORTED_COUNTRY_CODE;
      default -> INVALID_NUMBER;
    };
  }
}

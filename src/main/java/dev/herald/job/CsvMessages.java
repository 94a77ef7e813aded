package dev.herald.job;

import dev.herald.recipient.AddressProblem;
import java.util.Map;

/**
 * The wording a spreadsheet's errors have on Notify's check page where Herald's validators keep the
 * v2 API's older wording for the same problem (notify-jobs.md §3.3).
 */
final class CsvMessages {

  static final String MISSING = "Missing";
  static final String MESSAGE_TOO_LONG = "Message is too long";
  static final String MESSAGE_EMPTY = "No content for this message";
  static final String QR_CODE_TOO_LONG = "Cannot create a usable QR code - the link is too long";

  private static final Map<String, String> PHONE =
      Map.of(
          "Too many digits", "Mobile number is too long",
          "Not enough digits", "Mobile number is too short",
          "Not a UK mobile number",
              "This does not look like a UK mobile number – double check the mobile number you"
                  + " entered",
          "Must not contain letters or symbols",
              "Mobile numbers can only include: 0 1 2 3 4 5 6 7 8 9 ( ) + -",
          "Not a valid country prefix",
              "Country code not found - double check the mobile number you entered");

  private CsvMessages() {}

  /** A phone number's error as the check page words it. */
  static String phone(String v2Message) {
    return PHONE.getOrDefault(v2Message, v2Message);
  }

  /** An address's error as the check page words it. */
  static String address(AddressProblem problem) {
    return switch (problem) {
      case EMPTY, NOT_ENOUGH_LINES -> "Address must be at least 3 lines long";
      case TOO_MANY_LINES -> "Address must be no more than 7 lines long";
      case FIRST_TWO_LINES_NOT_ALPHANUMERIC, COUNTRY_FOR_BFPO -> problem.message();
      case NOT_A_REAL_UK_POSTCODE_OR_COUNTRY ->
          "Last line of the address must be a UK postcode or another country";
      case CANT_SEND_INTERNATIONAL ->
          "You do not have permission to send letters to other countries";
      case NOT_A_REAL_UK_POSTCODE -> "Last line of the address must be a real UK postcode";
      case INVALID_FIRST_CHARACTER ->
          "Address lines must not start with any of the following characters:"
              + " @ ( ) = [ ] \" \\ / , < > ~";
      case NO_FIXED_ABODE -> "This is not a real address";
    };
  }
}

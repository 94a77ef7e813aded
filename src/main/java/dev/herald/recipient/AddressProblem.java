package dev.herald.recipient;

/**
 * What can be wrong with a letter's address, in the order Notify checks: the message the v2 API
 * answers with, and the reason a precompiled letter's validation stores (notify-letters.md §2.2).
 */
public enum AddressProblem {
  EMPTY("Address must be at least 3 lines", "address-is-empty"),
  NOT_ENOUGH_LINES("Address must be at least 3 lines", "not-enough-address-lines"),
  TOO_MANY_LINES("Address must be no more than 7 lines", "too-many-address-lines"),
  FIRST_TWO_LINES_NOT_ALPHANUMERIC(
      "The first 2 lines of the address must both include at least one alphanumeric character",
      "invalid-address-line-1-or-2"),
  COUNTRY_FOR_BFPO(
      "The last line of a BFPO address must not be a country.", "has-country-for-bfpo-address"),
  NOT_A_REAL_UK_POSTCODE_OR_COUNTRY(
      "Last line of address must be a real UK postcode or another country",
      "not-a-real-uk-postcode-or-country"),
  CANT_SEND_INTERNATIONAL("Must be a real UK postcode", "cant-send-international-letters"),
  NOT_A_REAL_UK_POSTCODE("Must be a real UK postcode", "not-a-real-uk-postcode"),
  INVALID_FIRST_CHARACTER(
      "Address lines must not start with any of the following characters:"
          + " @ ( ) = [ ] \u201d \\ / , < >",
      "invalid-char-in-address"),
  NO_FIXED_ABODE("Must be a real address", "no-fixed-abode-address");

  private final String message;
  private final String reason;

  AddressProblem(String message, String reason) {
    this.message = message;
    this.reason = reason;
  }

  /** The v2 API's ValidationError message. */
  public String message() {
    return message;
  }

  /** The stored reason of a precompiled letter that fails validation. */
  public String reason() {
    return reason;
  }
}

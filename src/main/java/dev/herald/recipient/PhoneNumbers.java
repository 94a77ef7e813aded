package dev.herald.recipient;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses and checks phone numbers the way GOV.UK Notify does, with its error messages. */
public final class PhoneNumbers {

  private static final PhoneNumberUtil LIBRARY = PhoneNumberUtil.getInstance();

  private static final int UK = 44;

  private static final Set<PhoneNumberType> ALLOWED_TYPES =
      EnumSet.of(
          PhoneNumberType.FIXED_LINE,
          PhoneNumberType.MOBILE,
          PhoneNumberType.FIXED_LINE_OR_MOBILE,
          PhoneNumberType.UAN,
          PhoneNumberType.PERSONAL_NUMBER);

  private static final Set<PhoneNumberType> LANDLINE_TYPES =
      EnumSet.of(
          PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE, PhoneNumberType.UAN);

  private static final Pattern TV_NUMBER = Pattern.compile("7700900\\d{3}");

  private static final Set<String> SMOKE_TEST_NUMBERS =
      Set.of("447700900000", "447700900111", "447700900222");

  private PhoneNumbers() {}

  /**
   * Parses a number regardless of service permissions, as Notify does when it reads a recipient.
   *
   * @throws InvalidRecipientException with Notify's message when the number is not usable
   */
  public static PhoneNumber parse(String raw) {
    String text = raw == null ? "" : raw;
    Phonenumber.PhoneNumber number;
    try {
      number = parseLeniently(text);
    } catch (InvalidRecipientException firstAttempt) {
      number = parseLeniently(thoroughlyNormalise(text));
    }
    return describe(text, number);
  }

  /**
   * Parses a number and then applies a service's permissions, in Notify's order of checks.
   *
   * @throws InvalidRecipientException with Notify's message when the service cannot send to it
   */
  public static PhoneNumber validate(
      String raw, boolean allowInternational, boolean allowUkLandline) {
    return permit(parse(raw), allowInternational, allowUkLandline);
  }

  /**
   * Applies a service's permissions to a number already parsed, as {@link #validate} does.
   *
   * @throws InvalidRecipientException with Notify's message when the service cannot send to it
   */
  public static PhoneNumber permit(
      PhoneNumber number, boolean allowInternational, boolean allowUkLandline) {
    if (number.international() && !allowInternational) {
      throw PhoneProblem.NOT_A_UK_MOBILE.exception();
    }
    if (number.ukLandline() && !allowUkLandline) {
      throw PhoneProblem.NOT_A_UK_MOBILE.exception();
    }
    if (!SupportedCountryCodes.contains(number.countryCode())) {
      throw PhoneProblem.UNSUPPORTED_COUNTRY_CODE.exception();
    }
    return number;
  }

  /** The normalised number for guest-list matching, or the stripped input when it is not valid. */
  public static String normaliseForComparison(String raw) {
    try {
      return parse(raw).normalised();
    } catch (InvalidRecipientException notAPhoneNumber) {
      return raw == null ? "" : Whitespace.strip(raw);
    }
  }

  /** Whether a normalised number is one of Notify's smoke-test numbers, which are never sent. */
  public static boolean isSmokeTestNumber(String normalised) {
    return SMOKE_TEST_NUMBERS.contains(normalised);
  }

  private static Phonenumber.PhoneNumber parseLeniently(String text) {
    if (hasUnknownCharacter(text)) {
      throw PhoneProblem.UNKNOWN_CHARACTER.exception();
    }
    if (text.isEmpty()) {
      throw PhoneProblem.TOO_SHORT.exception();
    }
    Phonenumber.PhoneNumber number = parseAsUk(text);
    ValidationResult possibility = LIBRARY.isPossibleNumberWithReason(number);
    if (possibility != ValidationResult.IS_POSSIBLE) {
      number =
          forcedInternational(text).orElseThrow(() -> PhoneProblem.of(possibility).exception());
    }
    boolean acceptable = LIBRARY.isValidNumber(number) && hasAllowedType(number);
    if (!acceptable && !isTvNumber(number)) {
      throw PhoneProblem.INVALID_NUMBER.exception();
    }
    return number;
  }

  private static boolean hasUnknownCharacter(String text) {
    return text.codePoints()
        .anyMatch(
            c -> !(c >= '0' && c <= '9') && "()-+".indexOf(c) < 0 && !Whitespace.isWhitespace(c));
  }

  private static Phonenumber.PhoneNumber parseAsUk(String text) {
    try {
      return LIBRARY.parse(text, "GB");
    } catch (NumberParseException e) {
      throw PhoneProblem.INVALID_NUMBER.exception();
    }
  }

  /**
   * Spreadsheets often drop a leading {@code +}, so a number impossible as UK may be international.
   */
  private static Optional<Phonenumber.PhoneNumber> forcedInternational(String text) {
    try {
      Phonenumber.PhoneNumber number = LIBRARY.parse("+" + text, "ZZ");
      return LIBRARY.isPossibleNumber(number) ? Optional.of(number) : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  /** Gives close-to-valid numbers such as {@code 0+447700900100} the benefit of the doubt. */
  private static String thoroughlyNormalise(String text) {
    return text.replace("+", "").replaceFirst("^0+", "");
  }

  private static boolean hasAllowedType(Phonenumber.PhoneNumber number) {
    return ALLOWED_TYPES.contains(LIBRARY.getNumberType(number));
  }

  /** Ofcom keeps 07700 900000 to 900999 for TV and drama; libphonenumber calls them invalid. */
  private static boolean isTvNumber(Phonenumber.PhoneNumber number) {
    return number.getCountryCode() == UK
        && TV_NUMBER.matcher(String.valueOf(number.getNationalNumber())).matches();
  }

  private static PhoneNumber describe(String raw, Phonenumber.PhoneNumber number) {
    int countryCode = number.getCountryCode();
    String e164 = LIBRARY.format(number, PhoneNumberFormat.E164);
    boolean landline = countryCode == UK && LANDLINE_TYPES.contains(LIBRARY.getNumberType(number));
    return new PhoneNumber(
        Whitespace.strip(raw), e164.substring(1), countryCode, countryCode != UK, landline);
  }
}

package dev.herald.recipient;

import java.net.IDN;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Validates email addresses the way GOV.UK Notify does, strict enough to avoid SES failures. */
public final class EmailAddresses {

  private static final String MESSAGE = "Not a valid email address";

  private static final Pattern ADDRESS =
      Pattern.compile(
          "[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~\\-]+@([^.@][^@\\s]+)", Pattern.UNICODE_CHARACTER_CLASS);

  private static final Pattern HOST_LABEL =
      Pattern.compile("(xn|[a-z0-9]+)(-?-[a-z0-9]+)*", Pattern.CASE_INSENSITIVE);

  private static final Pattern TOP_LEVEL_DOMAIN =
      Pattern.compile("[a-z]{2,63}|xn--([a-z0-9]+-)*[a-z0-9]+", Pattern.CASE_INSENSITIVE);

  private static final int MAX_ADDRESS_LENGTH = 320;

  private static final int MAX_HOST_LENGTH = 253;

  private static final int MAX_LABEL_LENGTH = 63;

  private static final Set<String> SMOKE_TEST_ADDRESSES =
      Set.of(
          "simulate-delivered@notifications.service.gov.uk",
          "simulate-delivered-2@notifications.service.gov.uk",
          "simulate-delivered-3@notifications.service.gov.uk");

  private EmailAddresses() {}

  /**
   * Returns the address without obscure or surrounding whitespace, keeping its case.
   *
   * @throws InvalidRecipientException "Not a valid email address" when Notify would refuse it
   */
  public static String validate(String raw) {
    String address = Whitespace.stripAndRemoveObscure(raw == null ? "" : raw);
    Matcher matcher = ADDRESS.matcher(address);
    if (!matcher.matches()
        || address.codePointCount(0, address.length()) > MAX_ADDRESS_LENGTH
        || address.contains("..")
        || !isValidHost(matcher.group(1))) {
      throw new InvalidRecipientException(MESSAGE);
    }
    return address;
  }

  /** The validated address in lower case, the form Notify compares addresses in. */
  public static String normalise(String raw) {
    return validate(raw).toLowerCase(Locale.ROOT);
  }

  /** Whether an address is one of Notify's smoke-test addresses, which are never sent. */
  public static boolean isSmokeTestAddress(String address) {
    return SMOKE_TEST_ADDRESSES.contains(address.toLowerCase(Locale.ROOT));
  }

  private static boolean isValidHost(String unicodeHost) {
    String host;
    try {
      host = IDN.toASCII(unicodeHost);
    } catch (IllegalArgumentException e) {
      return false;
    }
    String[] labels = host.split("\\.", -1);
    if (host.length() > MAX_HOST_LENGTH || labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (label.isEmpty()
          || label.length() > MAX_LABEL_LENGTH
          || !HOST_LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return TOP_LEVEL_DOMAIN.matcher(labels[labels.length - 1]).matches();
  }
}

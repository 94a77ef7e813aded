package dev.herald.recipient;

/**
 * A phone number that Notify would accept for some service, before any service permissions apply.
 *
 * @param asSent the number as the caller wrote it, without surrounding whitespace
 * @param normalised E.164 digits without the leading {@code +}, for example {@code 447700900123}
 * @param countryCode the country calling code, for example 44
 * @param international whether the country calling code is not 44 (crown dependencies count as UK)
 * @param ukLandline whether it is a +44 number of a landline kind (fixed line, either, or UAN)
 */
public record PhoneNumber(
    String asSent, String normalised, int countryCode, boolean international, boolean ukLandline) {}

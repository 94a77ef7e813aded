package dev.herald.receipt;

import dev.herald.api.ApiException;
import java.time.Duration;
import java.time.Instant;

/**
 * What Herald accepts from a provider's webhook before it is stored: a reference (a receipt's or a
 * received text's id) of at most {@value #MAX_REFERENCE_LENGTH} characters, and a reported time
 * from the Unix epoch to {@link #LATEST} after Herald's clock (a provider's late receipt is never
 * refused; one from the future beyond any clock error is). Anything else is a 400, so the provider
 * sees its own fault instead of a 500 from the database (an index entry or a timestamptz out of
 * range).
 */
public final class ProviderReports {

  /** The longest provider reference accepted; SES ids are ~60, aggregators' well under 100. */
  public static final int MAX_REFERENCE_LENGTH = 255;

  /** How far ahead a reported time may be, for a provider whose clock is wrong by hours. */
  public static final Duration LATEST = Duration.ofDays(1);

  private ProviderReports() {}

  /** The reference, if it is short enough to store. */
  public static String reference(String field, String reference) {
    if (reference.length() > MAX_REFERENCE_LENGTH) {
      throw ApiException.validation(
          field + " is longer than the maximum of " + MAX_REFERENCE_LENGTH + " characters");
    }
    return reference;
  }

  /** The reported time, if it is within the accepted window around {@code now}. */
  public static Instant reportedAt(String field, Instant at, Instant now) {
    if (at.isBefore(Instant.EPOCH) || at.isAfter(now.plus(LATEST))) {
      throw ApiException.validation(
          field
              + " "
              + at
              + " is not between 1970-01-01T00:00:00Z and "
              + LATEST.toDays()
              + " day after the time it was received");
    }
    return at;
  }
}

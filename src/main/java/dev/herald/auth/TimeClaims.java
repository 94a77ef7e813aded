package dev.herald.auth;

import dev.herald.api.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * The {@code iat} and {@code exp} checks as PyJWT and Notify make them, on any JSON number: a value
 * beyond every date (1e400, 2^70, a negative one) is compared as the number it is, never turned
 * into an {@link Instant} that cannot hold it.
 */
final class TimeClaims {

  /** Far beyond any epoch second a token can mean; what an infinite JSON number is taken as. */
  private static final BigDecimal BEYOND = BigDecimal.TEN.pow(30);

  private TimeClaims() {}

  /** A missing, non-numeric or out-of-window {@code iat}: Notify's clock error. */
  static void checkIssuedAt(Object iat, Instant now) {
    BigDecimal issued = seconds(iat);
    long leeway = TokenVerifier.LEEWAY.toSeconds();
    if (issued == null
        || issued.compareTo(BigDecimal.valueOf(now.getEpochSecond() - leeway)) < 0
        || issued.compareTo(BigDecimal.valueOf(now.getEpochSecond() + leeway)) > 0) {
      throw ApiException.auth(403, TokenVerifier.CLOCK);
    }
  }

  /** An {@code exp} that is not a number or is more than the leeway past: an invalid token. */
  static void checkExpiry(Object exp, Instant now) {
    if (exp == null) {
      return;
    }
    BigDecimal expiry = seconds(exp);
    long latest = now.getEpochSecond() - TokenVerifier.LEEWAY.toSeconds();
    if (expiry == null || expiry.compareTo(BigDecimal.valueOf(latest)) < 0) {
      throw ApiException.auth(403, TokenVerifier.INVALID_TOKEN);
    }
  }

  /** Whole epoch seconds (PyJWT's {@code int()} truncates), or null when it is not a number. */
  private static BigDecimal seconds(Object claim) {
    if (claim instanceof Double d && d.isInfinite()) {
      return d > 0 ? BEYOND : BEYOND.negate();
    }
    if (!(claim instanceof Number n)) {
      return null;
    }
    try {
      return new BigDecimal(n.toString()).setScale(0, RoundingMode.DOWN);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}

package dev.herald.notification;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** What a letter's v2 view needs from the letter feature: when it arrives, what it costs. */
public interface LetterDetails {

  /** Notify's {@code estimated_delivery} of a letter made at {@code createdAt}. */
  Instant estimatedDelivery(Instant createdAt, String postage);

  /** The price of one letter of {@code sheets} made at {@code createdAt}; empty if none. */
  Optional<BigDecimal> rate(Instant createdAt, int sheets, String postage);
}

package dev.herald.letter;

import dev.herald.notification.LetterDetails;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A letter's estimated delivery ({@link LetterTimings}) and rate ({@link LetterRates}). */
@Component
class LetterViewDetails implements LetterDetails {

  private final LetterRates rates;

  LetterViewDetails(LetterRates rates) {
    this.rates = rates;
  }

  @Override
  public Instant estimatedDelivery(Instant createdAt, String postage) {
    return LetterTimings.estimatedDelivery(createdAt, postage);
  }

  @Override
  public Optional<BigDecimal> rate(Instant createdAt, int sheets, String postage) {
    return rates.rate(createdAt, sheets, postage);
  }
}

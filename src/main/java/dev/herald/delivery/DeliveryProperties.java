package dev.herald.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How delivery retries.
 *
 * @param maxAttempts hand-over attempts before a notification becomes technical-failure.
 * @param initialBackoff wait after the first failed attempt; doubled after each further one.
 * @param maxBackoff the longest wait between two attempts.
 * @param smsSender sender of text messages when the service has none of its own.
 */
@ConfigurationProperties("herald.delivery")
public record DeliveryProperties(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, String smsSender) {

  public DeliveryProperties {
    maxAttempts = maxAttempts <= 0 ? 12 : maxAttempts;
    initialBackoff = initialBackoff == null ? Duration.ofSeconds(10) : initialBackoff;
    maxBackoff = maxBackoff == null ? Duration.ofMinutes(30) : maxBackoff;
    smsSender = smsSender == null || smsSender.isBlank() ? "Herald" : smsSender;
  }
}

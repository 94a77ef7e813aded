package dev.herald.receipt;

import java.time.Instant;

/**
 * A text message a provider received for one of Herald's numbers. Holds personal data: never log
 * it.
 */
public record InboundMessage(
    String provider,
    String providerReference,
    String destinationNumber,
    String sourceNumber,
    String content,
    Instant receivedAt) {

  @Override
  public String toString() {
    return "InboundMessage[" + provider + ", " + providerReference + "]";
  }
}

package dev.herald.inbound;

import java.time.Instant;
import java.util.UUID;

/** A text message a service received. */
public record InboundSms(
    UUID id,
    UUID serviceId,
    String notifyNumber,
    String userNumber,
    String content,
    String provider,
    String providerReference,
    Instant providerDate,
    Instant createdAt) {

  @Override
  public String toString() {
    return "InboundSms[" + id + "]";
  }
}

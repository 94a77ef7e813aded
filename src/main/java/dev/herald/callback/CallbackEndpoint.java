package dev.herald.callback;

import java.time.Instant;
import java.util.UUID;

/** A service's callback URL of one type, with its bearer token still sealed. */
record CallbackEndpoint(
    UUID id,
    UUID serviceId,
    String callbackType,
    String url,
    byte[] sealedToken,
    Instant createdAt,
    Instant updatedAt) {

  @Override
  public String toString() {
    return "CallbackEndpoint[" + id + ", " + callbackType + "]";
  }
}

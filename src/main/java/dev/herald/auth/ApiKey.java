package dev.herald.auth;

import java.time.Instant;
import java.util.UUID;

/** An API key with its decrypted secret; {@code expiryDate} set means revoked. */
record ApiKey(
    UUID id, UUID serviceId, String name, String secret, KeyType type, Instant expiryDate) {

  @Override
  public String toString() {
    return "ApiKey[" + id + ", " + type + "]";
  }
}

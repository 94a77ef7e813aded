package dev.herald.auth;

import java.util.UUID;

/**
 * Who is calling: the service and the key that signed the request. A v2 handler takes it as a
 * parameter ({@link AuthenticatedKeyResolver}).
 */
public record AuthenticatedKey(UUID serviceId, UUID keyId, KeyType keyType) {

  /** The request attribute that holds the caller once the token is verified. */
  public static final String ATTRIBUTE = "herald.authenticatedKey";
}

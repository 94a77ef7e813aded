package dev.herald.auth;

import java.util.UUID;

/** Who is calling: the service and the key that signed the request. */
public record AuthenticatedKey(UUID serviceId, UUID keyId, KeyType keyType) {

  /** The request attribute under which the v2 controllers find the caller. */
  public static final String ATTRIBUTE = "herald.authenticatedKey";
}

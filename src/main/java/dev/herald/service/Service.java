package dev.herald.service;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A team's sending identity, with its trial mode, permissions and limits. */
public record Service(
    UUID id,
    String name,
    boolean active,
    boolean restricted,
    String emailSenderLocalPart,
    boolean prefixSms,
    int rateLimit,
    long emailMessageLimit,
    long smsMessageLimit,
    long letterMessageLimit,
    long internationalSmsMessageLimit,
    String contactLink,
    Set<String> permissions,
    Instant createdAt) {

  public boolean can(String permission) {
    return permissions.contains(permission);
  }
}

package dev.herald.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.herald.recipient.EmailAddresses;
import dev.herald.recipient.InvalidRecipientException;
import dev.herald.recipient.PhoneNumbers;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who a team key or a trial-mode service may send to: team members and the guest list, compared in
 * normalised form (lower-case email, E.164 digits), cached briefly per service.
 */
@Component
public class AllowedRecipients {

  static final Duration TTL = Duration.ofSeconds(5);

  private final TeamRepository team;
  private final Cache<UUID, Set<String>> cache =
      Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(10_000).build();

  AllowedRecipients(TeamRepository team) {
    this.team = team;
  }

  /** True if {@code normalisedRecipient} (an email or phone in normalised form) is allowed. */
  public boolean allows(UUID serviceId, String normalisedRecipient) {
    return cache.get(serviceId, this::load).contains(normalisedRecipient);
  }

  public void evict(UUID serviceId) {
    cache.invalidate(serviceId);
  }

  private Set<String> load(UUID serviceId) {
    Set<String> allowed = new HashSet<>();
    for (String recipient : team.allowedRecipients(serviceId)) {
      allowed.add(normalise(recipient));
    }
    return allowed;
  }

  /** An email address or phone number in the form allowed recipients are compared in. */
  public static String normalise(String recipient) {
    if (recipient.contains("@")) {
      try {
        return EmailAddresses.normalise(recipient);
      } catch (InvalidRecipientException e) {
        return recipient.strip().toLowerCase(java.util.Locale.ROOT);
      }
    }
    return PhoneNumbers.normaliseForComparison(recipient);
  }
}

package dev.herald.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Each service's default email reply-to and SMS sender, read on every send, so kept briefly in
 * memory: dropped at once when changed on this instance, within {@link #TTL} on others.
 */
@Component
public class DefaultSenders {

  static final Duration TTL = Duration.ofSeconds(5);

  private record Defaults(Optional<String> emailReplyTo, Optional<String> smsSender) {}

  private final SenderRepository senders;
  private final Cache<UUID, Defaults> cache =
      Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(10_000).build();

  DefaultSenders(SenderRepository senders) {
    this.senders = senders;
  }

  public Optional<String> emailReplyTo(UUID serviceId) {
    return defaults(serviceId).emailReplyTo();
  }

  public Optional<String> smsSender(UUID serviceId) {
    return defaults(serviceId).smsSender();
  }

  public void evict(UUID serviceId) {
    cache.invalidate(serviceId);
  }

  private Defaults defaults(UUID serviceId) {
    return cache.get(
        serviceId,
        id -> new Defaults(senders.defaultEmailReplyTo(id), senders.defaultSmsSender(id)));
  }
}

package dev.herald.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The keys of each service, decrypted once and kept briefly. Changes made on this instance are seen
 * at once; those made on another instance within {@link #TTL}.
 */
@Component
public class ApiKeyCache {

  static final Duration TTL = Duration.ofSeconds(5);
  static final Duration REVOKED_KEYS_KEPT = Duration.ofDays(7);

  private final ApiKeyRepository keys;
  private final Clock clock;
  private final Cache<UUID, List<ApiKey>> cache =
      Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(10_000).build();

  ApiKeyCache(ApiKeyRepository keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  List<ApiKey> usableKeys(UUID serviceId) {
    return cache.get(
        serviceId, id -> keys.usableKeys(id, clock.instant().minus(REVOKED_KEYS_KEPT)));
  }

  public void evict(UUID serviceId) {
    cache.invalidate(serviceId);
  }
}

package dev.herald.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Services as every request sees them: read through a short-lived cache. A change made on this
 * instance is seen at once; one made on another instance within {@link #TTL}.
 */
@Component
public class ServiceCache {

  static final Duration TTL = Duration.ofSeconds(5);

  private final ServiceRepository services;
  private final Cache<UUID, Optional<Service>> cache =
      Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(10_000).build();

  ServiceCache(ServiceRepository services) {
    this.services = services;
  }

  public Optional<Service> find(UUID id) {
    return cache.get(id, services::find);
  }

  public void evict(UUID id) {
    cache.invalidate(id);
  }
}

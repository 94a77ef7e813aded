package dev.herald.template;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Templates as the send path reads them. A version never changes, so versions are kept as long as
 * there is room; the latest version is kept for {@link #LATEST_TTL}, and dropped at once when it is
 * edited on this instance.
 */
@Component
public class TemplateCache {

  static final Duration LATEST_TTL = Duration.ofSeconds(5);

  private record Key(UUID serviceId, UUID id, int version) {}

  private final TemplateRepository templates;
  private final Cache<Key, Optional<Template>> latest =
      Caffeine.newBuilder().expireAfterWrite(LATEST_TTL).maximumSize(10_000).build();
  private final Cache<Key, Template> versions = Caffeine.newBuilder().maximumSize(50_000).build();

  TemplateCache(TemplateRepository templates) {
    this.templates = templates;
  }

  public Optional<Template> latest(UUID serviceId, UUID id) {
    return latest.get(new Key(serviceId, id, 0), k -> templates.findLatest(serviceId, id));
  }

  /** A version as a notification knows it, hidden templates (precompiled letters') included. */
  public Optional<Template> version(UUID serviceId, UUID id, int version) {
    Key key = new Key(serviceId, id, version);
    Template cached = versions.getIfPresent(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<Template> found = templates.findVersionOfNotification(serviceId, id, version);
    found.ifPresent(t -> versions.put(key, t));
    return found;
  }

  public void evict(UUID id) {
    latest.asMap().keySet().removeIf(k -> k.id().equals(id));
  }
}

package dev.herald.delivery;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Providers' priorities and active flags from {@code provider_details}, read at most every {@link
 * #TTL} (as Notify caches its provider list for 10 seconds).
 */
@Component
public class ProviderPriorities {

  static final Duration TTL = Duration.ofSeconds(10);

  /** One provider's current setting. */
  record Setting(int priority, boolean active) {}

  private final JdbcClient jdbc;
  private final LoadingCache<String, Map<String, Setting>> settings;

  ProviderPriorities(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.settings = Caffeine.newBuilder().expireAfterWrite(TTL).build(key -> load());
  }

  boolean active(String provider) {
    Setting s = settings.get("all").get(provider);
    return s == null || s.active();
  }

  int priority(String provider) {
    Setting s = settings.get("all").get(provider);
    return s == null ? 100 : s.priority();
  }

  public void refresh() {
    settings.invalidateAll();
  }

  private Map<String, Setting> load() {
    return jdbc
        .sql("SELECT identifier, priority, active FROM provider_details")
        .query(
            (rs, row) ->
                Map.entry(
                    rs.getString("identifier"),
                    new Setting(rs.getInt("priority"), rs.getBoolean("active"))))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}

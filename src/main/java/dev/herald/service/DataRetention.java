package dev.herald.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.herald.support.Sql;
import dev.herald.support.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each service's retention per notification type (7 days unless set), and the expiry day it gives a
 * notification: the London day it was created plus the days of retention. Its personal data is
 * removed in the night after that day.
 */
@Component
public class DataRetention {

  public static final int DEFAULT_DAYS = 7;

  /** How long an instance may go on using a changed setting. */
  public static final Duration CACHE_TTL = Duration.ofSeconds(5);

  private final JdbcClient jdbc;
  private final Cache<UUID, Map<String, Integer>> cache =
      Caffeine.newBuilder().expireAfterWrite(CACHE_TTL).maximumSize(10_000).build();

  DataRetention(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public int days(UUID serviceId, String type) {
    return cache.get(serviceId, this::load).getOrDefault(type, DEFAULT_DAYS);
  }

  public LocalDate expiresOn(UUID serviceId, String type, Instant createdAt) {
    return Timestamps.londonDate(createdAt).plusDays(days(serviceId, type));
  }

  /** Sets a service's retention for a type; answers the previous number of days. */
  public int set(UUID serviceId, String type, int days, Instant now) {
    int previous = Optional.ofNullable(load(serviceId).get(type)).orElse(DEFAULT_DAYS);
    jdbc.sql(
            """
            INSERT INTO service_data_retention (service_id, notification_type, days_of_retention, created_at)
            VALUES (:serviceId, :type, :days, :now)
            ON CONFLICT (service_id, notification_type)
            DO UPDATE SET days_of_retention = excluded.days_of_retention, updated_at = :now
            """)
        .param("serviceId", serviceId)
        .param("type", type)
        .param("days", days)
        .param("now", Sql.ts(now))
        .update();
    cache.invalidate(serviceId);
    return previous;
  }

  public Map<String, Integer> all(UUID serviceId) {
    return load(serviceId);
  }

  private Map<String, Integer> load(UUID serviceId) {
    return jdbc
        .sql(
            "SELECT notification_type, days_of_retention FROM service_data_retention WHERE service_id = :id")
        .param("id", serviceId)
        .query((rs, row) -> Map.entry(rs.getString(1), rs.getInt(2)))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}

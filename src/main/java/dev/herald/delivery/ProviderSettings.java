package dev.herald.delivery;

import dev.herald.support.Sql;
import dev.herald.support.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes providers' priority and active flag; every change is recorded in {@code
 * provider_details_history} with its reason.
 */
@Component
public class ProviderSettings {

  private final JdbcClient jdbc;
  private final ProviderPriorities priorities;
  private final Clock clock;

  ProviderSettings(JdbcClient jdbc, ProviderPriorities priorities, Clock clock) {
    this.jdbc = jdbc;
    this.priorities = priorities;
    this.clock = clock;
  }

  /** Every provider with its setting and its last ten changes. */
  public List<Map<String, Object>> list() {
    return jdbc
        .sql("SELECT * FROM provider_details ORDER BY notification_type, identifier")
        .query(
            (rs, row) -> {
              Map<String, Object> view = new LinkedHashMap<>();
              view.put("id", rs.getString("identifier"));
              view.put("notification_type", rs.getString("notification_type"));
              view.put("priority", rs.getInt("priority"));
              view.put("active", rs.getBoolean("active"));
              view.put("supports_international", rs.getBoolean("supports_international"));
              view.put("updated_at", Timestamps.format(Sql.instant(rs, "updated_at")));
              return view;
            })
        .list()
        .stream()
        .peek(view -> view.put("history", history((String) view.get("id"))))
        .toList();
  }

  /**
   * Sets what is given (null leaves it), recording the reason; empty if there is no such provider.
   */
  @Transactional
  public Optional<Map<String, Object>> set(
      String id, Integer priority, Boolean active, String reason) {
    int updated =
        jdbc.sql(
                """
                UPDATE provider_details
                   SET priority = coalesce(:priority, priority), active = coalesce(:active, active),
                       updated_at = :now
                 WHERE identifier = :id
                """)
            .param("priority", priority)
            .param("active", active)
            .param("now", Sql.ts(clock.instant()))
            .param("id", id)
            .update();
    if (updated == 0) {
      return Optional.empty();
    }
    record(id, reason);
    priorities.refresh();
    return list().stream().filter(p -> p.get("id").equals(id)).findFirst();
  }

  /**
   * Moves a provider's priority by {@code delta} (kept within 0–100), unless it was changed within
   * {@code guard}; true if it moved.
   */
  @Transactional
  public boolean adjust(String id, int delta, Duration guard, String reason) {
    Instant now = clock.instant();
    int updated =
        jdbc.sql(
                """
                UPDATE provider_details
                   SET priority = least(100, greatest(0, priority + :delta)), updated_at = :now
                 WHERE identifier = :id
                   AND updated_at <= :guardStart
                   AND least(100, greatest(0, priority + :delta)) <> priority
                """)
            .param("delta", delta)
            .param("now", Sql.ts(now))
            .param("id", id)
            .param("guardStart", Sql.ts(now.minus(guard)))
            .update();
    if (updated == 1) {
      record(id, reason);
      priorities.refresh();
    }
    return updated == 1;
  }

  /** The active SMS providers and their priorities. */
  Map<String, Integer> smsPriorities() {
    Map<String, Integer> result = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT identifier, priority FROM provider_details
             WHERE notification_type = 'sms' AND active ORDER BY identifier
            """)
        .query((rs, row) -> result.put(rs.getString("identifier"), rs.getInt("priority")))
        .list();
    return result;
  }

  private void record(String id, String reason) {
    jdbc.sql(
            """
            INSERT INTO provider_details_history (identifier, priority, active, reason, changed_at)
            SELECT identifier, priority, active, :reason, updated_at
              FROM provider_details WHERE identifier = :id
            """)
        .param("reason", reason)
        .param("id", id)
        .update();
  }

  private List<Map<String, Object>> history(String id) {
    return jdbc.sql(
            """
            SELECT priority, active, reason, changed_at FROM provider_details_history
             WHERE identifier = :id ORDER BY changed_at DESC, id DESC LIMIT 10
            """)
        .param("id", id)
        .query(
            (rs, row) -> {
              Map<String, Object> change = new LinkedHashMap<>();
              change.put("priority", rs.getInt("priority"));
              change.put("active", rs.getBoolean("active"));
              change.put("reason", rs.getString("reason"));
              change.put("changed_at", Timestamps.format(Sql.instant(rs, "changed_at")));
              return change;
            })
        .list();
  }
}

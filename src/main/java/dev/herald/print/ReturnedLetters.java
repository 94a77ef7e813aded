package dev.herald.print;

import dev.herald.support.Sql;
import dev.herald.support.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Letters the post office returned (notify-letters.md §5), as the printer reports them: by their
 * 16-character reference or their id. Each printed letter found becomes {@code returned-letter}
 * (from {@code sending} or {@code delivered}: a letter never printed cannot come back) and gets one
 * {@code returned_letters} row, however often it is reported, with its service's callback queued in
 * the same transaction.
 */
@Component
public class ReturnedLetters {

  /** What one report did. */
  public record Outcome(int returned, int alreadyReturned, int notPrinted, int unknown) {}

  private final JdbcClient jdbc;
  private final List<ReturnedLetterListener> listeners;
  private final Clock clock;

  ReturnedLetters(JdbcClient jdbc, List<ReturnedLetterListener> listeners, Clock clock) {
    this.jdbc = jdbc;
    this.listeners = listeners;
    this.clock = clock;
  }

  private record Found(UUID id, UUID serviceId, String status) {}

  @Transactional
  public Outcome report(List<String> references, List<UUID> notificationIds) {
    Instant now = clock.instant();
    List<Found> found =
        jdbc.sql(
                """
                SELECT id, service_id, status FROM notifications
                 WHERE key_type = 'normal' AND notification_type = 'letter'
                   AND (reference = ANY (:references) OR id = ANY (:ids))
                   FOR UPDATE
                """)
            .param("references", Sql.array("text", references))
            .param("ids", Sql.array("uuid", notificationIds))
            .query(
                (rs, i) ->
                    new Found(
                        rs.getObject("id", UUID.class),
                        rs.getObject("service_id", UUID.class),
                        rs.getString("status")))
            .list();
    List<Found> printed =
        found.stream()
            .filter(f -> List.of("sending", "delivered", "returned-letter").contains(f.status()))
            .toList();
    List<UUID> changed =
        jdbc.sql(
                """
                UPDATE notifications SET status = 'returned-letter', updated_at = :now
                 WHERE id = ANY (:ids) AND key_type = 'normal'
                   AND status IN ('sending', 'delivered')
                RETURNING id
                """)
            .param("now", Sql.ts(now))
            .param("ids", Sql.array("uuid", printed.stream().map(Found::id).toList()))
            .query(UUID.class)
            .list();
    List<UUID> rows =
        jdbc.sql(
                """
                INSERT INTO returned_letters (id, notification_id, service_id, reported_at,
                                              created_at)
                SELECT gen_random_uuid(), l.id, l.service_id, :today, :now
                  FROM unnest(CAST(:ids AS uuid[]), CAST(:services AS uuid[])) AS l (id, service_id)
                ON CONFLICT (notification_id) DO NOTHING
                RETURNING id
                """)
            .param("today", LocalDate.ofInstant(now, java.time.ZoneOffset.UTC))
            .param("now", Sql.ts(now))
            .param("ids", Sql.array("uuid", printed.stream().map(Found::id).toList()))
            .param("services", Sql.array("uuid", printed.stream().map(Found::serviceId).toList()))
            .query(UUID.class)
            .list();
    if (!rows.isEmpty()) {
      listeners.forEach(l -> l.returned(rows));
    }
    int requested = references.size() + notificationIds.size();
    return new Outcome(
        changed.size(),
        printed.size() - changed.size(),
        found.size() - printed.size(),
        Math.max(0, requested - found.size()));
  }

  /** A service's returned letters reported on a day, newest first. */
  public List<java.util.Map<String, Object>> reportedOn(UUID serviceId, LocalDate day) {
    return jdbc.sql(
            """
            SELECT r.notification_id, r.reported_at, n.client_reference, n.api_key_id, n.created_at,
                   n.template_id, n.template_version, t.name, t.hidden
              FROM returned_letters r
              LEFT JOIN notifications n ON n.id = r.notification_id
              LEFT JOIN templates_history t
                ON t.id = n.template_id AND t.version = n.template_version
             WHERE r.service_id = :service AND r.reported_at = :day
             ORDER BY r.created_at DESC
            """)
        .param("service", serviceId)
        .param("day", day)
        .query(
            (rs, i) -> {
              java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
              boolean hidden = rs.getBoolean("hidden");
              boolean api = rs.getObject("api_key_id") != null;
              row.put("notification_id", rs.getObject("notification_id", UUID.class));
              row.put("reported_at", rs.getObject("reported_at").toString());
              row.put("client_reference", api ? rs.getString("client_reference") : null);
              Instant created = Sql.instant(rs, "created_at");
              row.put("created_at", created == null ? null : Timestamps.format(created));
              row.put("template_name", hidden ? null : rs.getString("name"));
              row.put("template_id", hidden ? null : rs.getObject("template_id", UUID.class));
              row.put(
                  "template_version",
                  hidden ? null : rs.getObject("template_version", Integer.class));
              return row;
            })
        .list();
  }
}

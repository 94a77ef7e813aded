package dev.herald.stats;

import dev.herald.support.Sql;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a service sent, read as Notify's dashboard reads it: the fact tables for past days plus a
 * live count of today's notifications (since London midnight, through the (service, key type,
 * created_at) index), so a status change shows at once. Test keys are never counted. Between London
 * midnight and the nightly rebuild, yesterday is missing, as in Notify.
 */
@Component
public class ServiceStatistics {

  private final JdbcClient jdbc;
  private final Clock clock;

  ServiceStatistics(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Counts by type, then status, over the last {@code days} London days including today. */
  public Map<String, Map<String, Long>> countsByTypeAndStatus(UUID serviceId, int days) {
    LondonDay today = LondonDay.of(clock.instant());
    Map<String, Map<String, Long>> counts = new TreeMap<>();
    jdbc.sql(
            """
            SELECT notification_type, status, sum(count) AS count
              FROM (SELECT notification_type, notification_status AS status,
                           notification_count AS count
                      FROM ft_notification_status
                     WHERE service_id = :serviceId
                       AND bst_date >= :from AND bst_date < :today
                       AND key_type IN ('normal', 'team')
                    UNION ALL
                    SELECT notification_type, status, 1
                      FROM notifications
                     WHERE service_id = :serviceId AND key_type IN ('normal', 'team')
                       AND created_at >= :todayStart AND created_at < :todayEnd) AS rows
             GROUP BY notification_type, status
            """)
        .param("serviceId", serviceId)
        .param("from", today.date().minusDays(days - 1L))
        .param("today", today.date())
        .param("todayStart", Sql.ts(today.start()))
        .param("todayEnd", Sql.ts(today.end()))
        .query(
            (rs, row) ->
                counts
                    .computeIfAbsent(rs.getString("notification_type"), t -> new TreeMap<>())
                    .put(rs.getString("status"), rs.getLong("count")))
        .list();
    return counts;
  }

  /** Notifications per template in a London month (cancelled ones not counted), most used first. */
  public List<TemplateUsage> templateUsage(UUID serviceId, YearMonth month) {
    LondonDay today = LondonDay.of(clock.instant());
    boolean includesToday = YearMonth.from(today.date()).equals(month);
    Instant liveEnd = includesToday ? today.end() : today.start();
    return jdbc.sql(
            """
            SELECT t.id, t.name, t.template_type, u.count
              FROM (SELECT template_id, sum(count) AS count
                      FROM (SELECT template_id, notification_count AS count
                              FROM ft_notification_status
                             WHERE service_id = :serviceId
                               AND bst_date >= :first AND bst_date <= :last AND bst_date < :today
                               AND key_type IN ('normal', 'team')
                               AND notification_status <> 'cancelled'
                            UNION ALL
                            SELECT template_id, 1
                              FROM notifications
                             WHERE service_id = :serviceId AND key_type IN ('normal', 'team')
                               AND status <> 'cancelled'
                               AND created_at >= :todayStart AND created_at < :liveEnd) AS rows
                     GROUP BY template_id) AS u
              JOIN templates t ON t.id = u.template_id
             ORDER BY u.count DESC, t.name, t.id
            """)
        .param("serviceId", serviceId)
        .param("first", month.atDay(1))
        .param("last", month.atEndOfMonth())
        .param("today", today.date())
        .param("todayStart", Sql.ts(today.start()))
        .param("liveEnd", Sql.ts(liveEnd))
        .query(
            (rs, row) ->
                new TemplateUsage(
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    rs.getString("template_type"),
                    rs.getLong("count")))
        .list();
  }

  /** When the template was last sent with a live or team key: the newest index entry. */
  public Optional<Instant> lastUsed(UUID templateId) {
    return jdbc.sql(
            """
            SELECT created_at FROM notifications
             WHERE template_id = :templateId AND key_type <> 'test'
             ORDER BY created_at DESC
             LIMIT 1
            """)
        .param("templateId", templateId)
        .query((rs, row) -> Sql.instant(rs, "created_at"))
        .optional();
  }
}

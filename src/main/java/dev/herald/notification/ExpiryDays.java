package dev.herald.notification;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The expiry days that a statement on notification_personal_data is bounded to, written into its
 * text so that PostgreSQL 14 prunes the day partitions while planning, in a custom and in a generic
 * plan. Matched on a joined {@code expires_on} or bound as a parameter, the pruning waited for
 * execution: every partition was planned (192 with 90-day retention) and, in a generic plan, locked
 * with its indexes (docs/benchmarks.md, "Partition pruning").
 */
@Repository
public class ExpiryDays {

  private static final String DAYS = "\\{\\d{4}-\\d{2}-\\d{2}(,\\d{4}-\\d{2}-\\d{2})*}";

  /**
   * The distinct expiry days of a service's notifications of these types that may still have
   * personal data (from the oldest partition on): a skip scan of
   * ix_notifications_service_type_expires, one index probe per day and type.
   */
  static final String OF_SERVICE =
      """
      WITH RECURSIVE days (type, day) AS (
        SELECT t.type,
               (SELECT min(n.expires_on) FROM notifications n
                 WHERE n.service_id = :serviceId AND n.notification_type = t.type
                   AND n.expires_on >= (SELECT min(to_date(right(c.relname, 8), 'YYYYMMDD'))
                                          FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                                         WHERE i.inhparent = 'notification_personal_data'::regclass))
          FROM unnest(CAST(:types AS text[])) AS t (type)
        UNION ALL
        SELECT d.type,
               (SELECT min(n.expires_on) FROM notifications n
                 WHERE n.service_id = :serviceId AND n.notification_type = d.type
                   AND n.expires_on > d.day)
          FROM days d
         WHERE d.day IS NOT NULL
      )
      SELECT DISTINCT day FROM days WHERE day IS NOT NULL ORDER BY day
      """;

  private final JdbcClient jdbc;

  ExpiryDays(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The days on which the service's notifications of these types may have personal data. */
  public List<LocalDate> ofService(UUID serviceId, Collection<String> types) {
    return jdbc.sql(OF_SERVICE)
        .param("serviceId", serviceId)
        .param("types", types.toArray(String[]::new))
        .query(LocalDate.class)
        .list();
  }

  /**
   * The days as the text of a {@code date[]} literal, {@code {2026-12-08,2026-12-09}}, each once
   * and in order, for {@code expires_on = ANY ('%s'::date[])}.
   */
  public static String literal(Collection<LocalDate> days) {
    String array =
        new TreeSet<>(days)
            .stream().map(LocalDate::toString).collect(Collectors.joining(",", "{", "}"));
    // Days cannot be bound without losing the pruning at plan time; LocalDate prints these digits.
    if (!array.matches(DAYS)) {
      throw new IllegalArgumentException("Unexpected expiry days " + array);
    }
    return array;
  }
}

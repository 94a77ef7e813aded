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
 * with its indexes (docs/performance.md, "Partition pruning").
 */
@Repository
public class ExpiryDays {

  private static final String DAYS = "\\{\\d{4}-\\d{2}-\\d{2}(,\\d{4}-\\d{2}-\\d{2})*}";

  /**
   * The first and the last expiry day of a service's notifications of these types, the first no
   * earlier than the oldest partition: two probes of ix_notifications_service_type_expires per
   * type. Every one of their personal-data rows lies between them (a row's day is its
   * notification's), so the range bounds a search without changing what it finds.
   */
  static final String OF_SERVICE =
      """
      SELECT greatest(min(d.first),
                      (SELECT min(to_date(right(c.relname, 8), 'YYYYMMDD'))
                         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                        WHERE i.inhparent = 'notification_personal_data'::regclass)) AS first,
             max(d.last) AS last
        FROM unnest(CAST(:types AS text[])) AS t (type)
       CROSS JOIN LATERAL (
             SELECT (SELECT min(n.expires_on) FROM notifications n
                      WHERE n.service_id = :serviceId AND n.notification_type = t.type) AS first,
                    (SELECT max(n.expires_on) FROM notifications n
                      WHERE n.service_id = :serviceId AND n.notification_type = t.type) AS last) d
      """;

  private final JdbcClient jdbc;

  ExpiryDays(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The days on which the service's notifications of these types may have personal data, in order:
   * none when it has none still kept.
   */
  public List<LocalDate> ofService(UUID serviceId, Collection<String> types) {
    return jdbc.sql(OF_SERVICE)
        .param("serviceId", serviceId)
        .param("types", types.toArray(String[]::new))
        .query(
            (rs, row) -> {
              LocalDate first = rs.getObject("first", LocalDate.class);
              LocalDate last = rs.getObject("last", LocalDate.class);
              return first == null || last == null || last.isBefore(first)
                  ? List.<LocalDate>of()
                  : first.datesUntil(last.plusDays(1)).toList();
            })
        .single();
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

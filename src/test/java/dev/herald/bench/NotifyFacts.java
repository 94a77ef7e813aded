package dev.herald.bench;

import dev.herald.support.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * GOV.UK Notify's nightly fact tasks for one day (notifications-api {@code reporting_tasks.py},
 * {@code fact_notification_status_dao.py}, {@code fact_billing_dao.py}), reproduced on the {@code
 * notify} schema as the baseline. Status: per type, per service with notifications that day, the
 * counts of {@code notifications_all_time_view} in 15-minute chunks, folded in the application,
 * then in one transaction the (day, type, service) rows deleted and the new ones inserted. Billing:
 * per 5-minute chunk, per type, the billable rows of every service joined to {@code services},
 * folded, then upserted on {@code ft_billing_pkey}. Run one after another, where Notify spreads the
 * services over Celery workers.
 */
final class NotifyFacts {

  /** Tasks run, queries, and the rows written to each fact table. */
  record Outcome(int combinations, int queries, int statusRows, int billingRows) {}

  /** Notify's billable statuses by type. */
  static final Map<String, List<String>> BILLABLE =
      Map.of(
          "sms",
          List.of(
              "sending", "sent", "delivered", "pending", "temporary-failure", "permanent-failure"),
          "email",
          List.of("sending", "delivered", "temporary-failure", "permanent-failure"),
          "letter",
          List.of("sending", "delivered", "returned-letter"));

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private int queries;

  NotifyFacts(JdbcClient jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  Outcome status(LocalDate day) {
    queries = 0;
    int combinations = 0;
    int rows = 0;
    for (String type : List.of("email", "sms", "letter")) {
      for (UUID service : services(day, type)) {
        List<Object[]> status = statusRows(day, type, service);
        tx.executeWithoutResult(t -> replaceStatus(day, type, service, status));
        combinations++;
        rows += status.size();
      }
    }
    return new Outcome(combinations, queries, rows, 0);
  }

  Outcome billing(LocalDate day) {
    queries = 0;
    Map<List<Object>, long[]> folded = new LinkedHashMap<>();
    LocalDateTime end = naiveUtc(day.plusDays(1));
    for (LocalDateTime chunk = naiveUtc(day); chunk.isBefore(end); chunk = chunk.plusMinutes(5)) {
      LocalDateTime chunkEnd = chunk.plusMinutes(5).isBefore(end) ? chunk.plusMinutes(5) : end;
      for (String type : List.of("sms", "email", "letter")) {
        queries++;
        for (Object[] row : billingChunk(type, chunk, chunkEnd)) {
          List<Object> key = List.of(row).subList(0, row.length - 2);
          long[] sums = folded.computeIfAbsent(key, k -> new long[2]);
          sums[0] += ((Number) row[row.length - 2]).longValue();
          sums[1] += ((Number) row[row.length - 1]).longValue();
        }
      }
    }
    tx.executeWithoutResult(t -> upsertBilling(day, folded));
    return new Outcome(1, queries, 0, folded.size());
  }

  /** Notify's services for the day: any with notifications of the type, or facts already. */
  private List<UUID> services(LocalDate day, String type) {
    queries++;
    return jdbc.sql(
            """
            SELECT DISTINCT service_id FROM notify.notifications
             WHERE notification_type = :type AND created_at >= :start AND created_at < :end
            UNION
            SELECT service_id FROM notify.ft_notification_status
             WHERE bst_date = :day AND notification_type = :type
            """)
        .param("type", type)
        .param("start", naiveUtc(day))
        .param("end", naiveUtc(day.plusDays(1)))
        .param("day", day)
        .query(UUID.class)
        .list();
  }

  private List<Object[]> statusRows(LocalDate day, String type, UUID service) {
    Map<List<Object>, long[]> folded = new LinkedHashMap<>();
    LocalDateTime end = naiveUtc(day.plusDays(1));
    for (LocalDateTime chunk = naiveUtc(day); chunk.isBefore(end); chunk = chunk.plusMinutes(15)) {
      queries++;
      jdbc.sql(
              """
              SELECT template_id, coalesce(job_id, '00000000-0000-0000-0000-000000000000') AS job_id,
                     key_type, notification_status, count(*) AS notification_count
                FROM notify.notifications_all_time_view
               WHERE created_at >= :start AND created_at < :end
                 AND notification_type = :type AND service_id = :service
                 AND key_type IN ('normal', 'team')
               GROUP BY template_id, 2, key_type, notification_status
              """)
          .param("start", chunk)
          .param("end", chunk.plusMinutes(15).isBefore(end) ? chunk.plusMinutes(15) : end)
          .param("type", type)
          .param("service", service)
          .query(
              (RowCallbackHandler)
                  rs -> {
                    List<Object> key =
                        List.of(rs.getObject(1), rs.getObject(2), rs.getString(3), rs.getString(4));
                    folded.computeIfAbsent(key, k -> new long[1])[0] += rs.getLong(5);
                  });
    }
    List<Object[]> rows = new ArrayList<>();
    folded.forEach((k, v) -> rows.add(new Object[] {k.get(0), k.get(1), k.get(2), k.get(3), v[0]}));
    return rows;
  }

  private void replaceStatus(LocalDate day, String type, UUID service, List<Object[]> rows) {
    jdbc.sql(
            """
            DELETE FROM notify.ft_notification_status
             WHERE bst_date = :day AND notification_type = :type AND service_id = :service
            """)
        .param("day", day)
        .param("type", type)
        .param("service", service)
        .update();
    for (Object[] row : rows) {
      jdbc.sql(
              """
              INSERT INTO notify.ft_notification_status
                  (bst_date, template_id, service_id, job_id, notification_type, key_type,
                   notification_status, notification_count)
              VALUES (:day, :template, :service, :job, :type, :keyType, :status, :count)
              ON CONFLICT ON CONSTRAINT ft_notification_status_pkey DO NOTHING
              """)
          .param("day", day)
          .param("template", row[0])
          .param("service", service)
          .param("job", row[1])
          .param("type", type)
          .param("keyType", row[2])
          .param("status", row[3])
          .param("count", row[4])
          .update();
    }
  }

  /** Template, service, type, provider, multiplier, international, postage; units; sent. */
  private List<Object[]> billingChunk(String type, LocalDateTime start, LocalDateTime end) {
    return jdbc.sql(
            """
            SELECT v.template_id, s.id, v.notification_type,
                   CASE WHEN v.notification_type = 'email' THEN 'ses'
                        WHEN v.notification_type = 'letter' THEN 'dvla'
                        ELSE coalesce(v.sent_by, 'unknown') END,
                   CASE WHEN v.notification_type = 'email' THEN 0
                        ELSE CAST(coalesce(v.rate_multiplier, 1) AS integer) END,
                   v.notification_type <> 'email' AND coalesce(v.international, false),
                   CASE WHEN v.notification_type = 'letter' THEN coalesce(v.postage, 'none')
                        ELSE 'none' END,
                   CASE WHEN v.notification_type = 'email' THEN 0
                        ELSE sum(v.billable_units) END,
                   count(*)
              FROM notify.notifications_all_time_view v
              JOIN services s ON s.id = v.service_id
             WHERE v.notification_status = ANY (CAST(:billable AS text[]))
               AND v.key_type IN ('normal', 'team')
               AND v.created_at >= :start AND v.created_at < :end
               AND v.notification_type = :type
             GROUP BY s.id, v.template_id, 3, 4, 5, 6, 7
            """)
        .param("billable", BILLABLE.get(type).toArray(String[]::new))
        .param("start", start)
        .param("end", end)
        .param("type", type)
        .query(NotifyFacts::row)
        .list();
  }

  private void upsertBilling(LocalDate day, Map<List<Object>, long[]> folded) {
    for (Map.Entry<List<Object>, long[]> e : folded.entrySet()) {
      List<Object> k = e.getKey();
      jdbc.sql(
              """
              INSERT INTO notify.ft_billing
                  (bst_date, template_id, service_id, notification_type, provider,
                   rate_multiplier, international, rate, postage, billable_units,
                   notifications_sent)
              VALUES (:day, :template, :service, :type, :provider, :multiplier, :international,
                      0, :postage, :units, :sent)
              ON CONFLICT ON CONSTRAINT ft_billing_pkey DO UPDATE
                 SET notifications_sent = excluded.notifications_sent,
                     billable_units = excluded.billable_units, updated_at = now()
              """)
          .param("day", day)
          .param("template", k.get(0))
          .param("service", k.get(1))
          .param("type", k.get(2))
          .param("provider", k.get(3))
          .param("multiplier", k.get(4))
          .param("international", k.get(5))
          .param("postage", k.get(6))
          .param("units", e.getValue()[0])
          .param("sent", e.getValue()[1])
          .update();
    }
  }

  private static Object[] row(ResultSet rs, int i) throws SQLException {
    Object[] row = new Object[9];
    for (int c = 0; c < row.length; c++) {
      row[c] = rs.getObject(c + 1);
    }
    return row;
  }

  /** London midnight of the day, as the naive UTC timestamp Notify compares with. */
  static LocalDateTime naiveUtc(LocalDate day) {
    return LocalDateTime.ofInstant(day.atStartOfDay(Timestamps.LONDON).toInstant(), ZoneOffset.UTC);
  }
}

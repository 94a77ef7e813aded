package dev.herald.stats;

import dev.herald.support.Sql;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebuilds {@code ft_billing} for a (London day, type, service) from the billable notifications
 * (Notify's statuses per type, test keys excluded), the same way as {@link
 * NotificationStatusFacts}: delete and insert under the combination's advisory lock.
 */
@Component
class BillingFacts {

  private static final Map<String, List<String>> BILLABLE =
      Map.of(
          "sms",
          List.of(
              "sending", "sent", "delivered", "pending", "temporary-failure", "permanent-failure"),
          "email",
          List.of("sending", "delivered", "temporary-failure", "permanent-failure"));

  private final JdbcClient jdbc;
  private final Clock clock;

  BillingFacts(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Answers how many fact rows the combination now has. */
  @Transactional
  public int rebuild(LocalDate day, String type, UUID serviceId) {
    FactLocks.lock(jdbc, new FactCombination(FactKind.BILLING, day, type, serviceId));
    jdbc.sql(
            """
            DELETE FROM ft_billing
             WHERE bst_date = :day AND notification_type = :type AND service_id = :serviceId
            """)
        .param("day", day)
        .param("type", type)
        .param("serviceId", serviceId)
        .update();
    LondonDay window = new LondonDay(day);
    if ("letter".equals(type)) {
      return insertLetters(day, serviceId, window);
    }
    return jdbc.sql(
            """
            INSERT INTO ft_billing (bst_date, template_id, service_id, notification_type, provider,
                                    rate_multiplier, international, rate, postage,
                                    billable_units, notifications_sent, created_at)
            SELECT CAST(:day AS date), template_id, service_id, notification_type,
                   coalesce(sent_by, 'unknown'),
                   CASE WHEN notification_type = 'email' THEN 0
                        ELSE CAST(coalesce(rate_multiplier, 1) AS integer) END,
                   notification_type <> 'email' AND international,
                   0,
                   CASE WHEN notification_type = 'letter' THEN coalesce(postage, 'none')
                        ELSE 'none' END,
                   CASE WHEN notification_type = 'email' THEN 0 ELSE sum(billable_units) END,
                   count(*), :now
              FROM notifications
             WHERE service_id = :serviceId AND notification_type = :type
               AND created_at >= :start AND created_at < :end
               AND key_type IN ('normal', 'team')
               AND status = ANY (CAST(:billable AS text[]))
             GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
            """)
        .param("day", day)
        .param("type", type)
        .param("serviceId", serviceId)
        .param("start", Sql.ts(window.start()))
        .param("end", Sql.ts(window.end()))
        .param("billable", BILLABLE.getOrDefault(type, List.of()).toArray(String[]::new))
        .param("now", Sql.ts(clock.instant()))
        .update();
  }

  /**
   * Letters by their sheets, postage and rate (notify-letters.md §6.3): the rate of the newest
   * {@code letter_rates} row started by the day's London midnight, as Notify finds it, or the
   * oldest of the class for a day before them all; the print provider, or "unknown" before one took
   * the letter.
   */
  private int insertLetters(LocalDate day, UUID serviceId, LondonDay window) {
    return jdbc.sql(
            """
            INSERT INTO ft_billing (bst_date, template_id, service_id, notification_type, provider,
                                    rate_multiplier, international, rate, postage,
                                    billable_units, notifications_sent, created_at)
            SELECT CAST(:day AS date), n.template_id, n.service_id, 'letter',
                   coalesce(n.sent_by, 'unknown'), 1, n.international,
                   coalesce(in_force.rate, oldest.rate, 0), coalesce(n.postage, 'none'),
                   sum(n.billable_units), count(*), :now
              FROM notifications n
              LEFT JOIN LATERAL (SELECT r.rate FROM letter_rates r
                                  WHERE r.post_class = n.postage
                                    AND r.sheet_count = n.billable_units
                                    AND r.start_date <= :start
                                  ORDER BY r.start_date DESC
                                  LIMIT 1) in_force ON true
              LEFT JOIN LATERAL (SELECT r.rate FROM letter_rates r
                                  WHERE r.post_class = n.postage
                                    AND r.sheet_count = n.billable_units
                                  ORDER BY r.start_date
                                  LIMIT 1) oldest ON true
             WHERE n.service_id = :serviceId AND n.notification_type = 'letter'
               AND n.created_at >= :start AND n.created_at < :end
               AND n.key_type IN ('normal', 'team')
               AND n.status IN ('sending', 'delivered', 'returned-letter')
             GROUP BY n.template_id, n.service_id, coalesce(n.sent_by, 'unknown'), n.international,
                      coalesce(in_force.rate, oldest.rate, 0), coalesce(n.postage, 'none'),
                      n.billable_units
            """)
        .param("day", day)
        .param("serviceId", serviceId)
        .param("start", Sql.ts(window.start()))
        .param("end", Sql.ts(window.end()))
        .param("now", Sql.ts(clock.instant()))
        .update();
  }
}

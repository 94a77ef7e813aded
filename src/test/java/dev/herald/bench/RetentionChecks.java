package dev.herald.bench;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Counts before and after each side's retention, from which the end states are checked. */
final class RetentionChecks {

  /** Herald: personal data past its day, test-key notifications past theirs, all notifications. */
  record Counts(long personalExpired, long testExpired, long notifications) {}

  private RetentionChecks() {}

  static Counts herald(JdbcClient jdbc, LocalDate today) {
    return jdbc.sql(
            """
            SELECT (SELECT count(*) FROM notification_personal_data WHERE expires_on < :today),
                   (SELECT count(*) FROM notifications
                     WHERE key_type = 'test' AND expires_on < :today),
                   (SELECT count(*) FROM notifications)
            """)
        .param("today", today)
        .query((rs, i) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
        .single();
  }

  /** Notify: rows older than their service's cutoff for the type (7 days without a setting). */
  static long notifyExpired(JdbcClient jdbc, LocalDate today) {
    return jdbc.sql(
            """
            SELECT count(*) FROM notify.notifications n
              LEFT JOIN service_data_retention r
                ON r.service_id = n.service_id AND r.notification_type = n.notification_type
             WHERE n.created_at < (CAST(CAST(:today AS date) - coalesce(r.days_of_retention, 7)
                                        AS timestamp) AT TIME ZONE 'Europe/London') AT TIME ZONE 'UTC'
            """)
        .param("today", today)
        .query(Long.class)
        .single();
  }

  /** Notify: expired letters it leaves alone because they are still in flight. */
  static long notifyLettersKept(JdbcClient jdbc, LocalDate today) {
    return jdbc.sql(
            """
            SELECT count(*) FROM notify.notifications n
              LEFT JOIN service_data_retention r
                ON r.service_id = n.service_id AND r.notification_type = n.notification_type
             WHERE n.created_at < (CAST(CAST(:today AS date) - coalesce(r.days_of_retention, 7)
                                        AS timestamp) AT TIME ZONE 'Europe/London') AT TIME ZONE 'UTC'
               AND n.notification_type = 'letter' AND n.key_type <> 'test'
               AND n.notification_status IN ('pending-virus-check', 'created', 'sending')
            """)
        .param("today", today)
        .query(Long.class)
        .single();
  }
}

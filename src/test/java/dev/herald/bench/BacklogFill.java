package dev.herald.bench;

import dev.herald.support.Sql;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A backlog made at once, without the API: copies of one of the service's notifications (with its
 * personal data and a delivery queue row each, as the API's insert writes them) in one statement,
 * so that the queue's drain rate can be measured apart from intake.
 */
final class BacklogFill {

  private BacklogFill() {}

  static void fill(JdbcClient jdbc, UUID service, long rows, Instant now) {
    int inserted =
        jdbc.sql(
                """
                WITH source AS (
                  SELECT n.service_id, n.template_id, n.template_version, n.api_key_id, n.key_type,
                         n.notification_type, n.client_reference, n.international, n.expires_on,
                         p.recipient, p.normalised_recipient, p.personalisation, p.reply_to_text,
                         p.unsubscribe_link
                    FROM notifications n
                    JOIN notification_personal_data p
                      ON p.notification_id = n.id AND p.expires_on = n.expires_on
                   WHERE n.service_id = :service
                   LIMIT 1
                ), copies AS (
                  SELECT gen_random_uuid() AS id, s.* FROM source s, generate_series(1, :rows)
                ), notification AS (
                  INSERT INTO notifications (id, service_id, template_id, template_version,
                                             api_key_id, key_type, notification_type, status,
                                             client_reference, international, expires_on,
                                             created_at)
                  SELECT id, service_id, template_id, template_version, api_key_id, key_type,
                         notification_type, 'created', client_reference, international,
                         expires_on, :now
                    FROM copies
                ), personal AS (
                  INSERT INTO notification_personal_data (notification_id, expires_on, service_id,
                                                          recipient, normalised_recipient,
                                                          personalisation, reply_to_text,
                                                          unsubscribe_link)
                  SELECT id, expires_on, service_id, recipient, normalised_recipient,
                         personalisation, reply_to_text, unsubscribe_link
                    FROM copies
                )
                INSERT INTO delivery_queue (notification_id, key_type, priority, run_at)
                SELECT id, key_type, 100, :now FROM copies
                """)
            .param("service", service)
            .param("rows", rows)
            .param("now", Sql.ts(now))
            .update();
    if (inserted != rows) {
      throw new IllegalStateException("expected " + rows + " tasks queued, queued " + inserted);
    }
  }
}

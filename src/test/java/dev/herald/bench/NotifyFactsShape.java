package dev.herald.bench;

import dev.herald.support.Sql;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What Notify's fact tasks read and write, in schema {@code notify}, filled from one window of
 * Herald's generated notifications: {@code notifications} with the columns the aggregation reads
 * (naive UTC timestamps), an empty {@code notification_history}, the {@code
 * notifications_all_time_view} over both, Notify's indexes on them, and the two fact tables with
 * Notify's primary keys. Notify's table would also hold the days around this one, which makes its
 * indexes bigger than here.
 */
final class NotifyFactsShape {

  private NotifyFactsShape() {}

  static void build(JdbcClient jdbc, Instant start, Instant end) {
    jdbc.sql(
            """
            CREATE SCHEMA notify;
            CREATE TABLE notify.notifications (
                id uuid PRIMARY KEY, job_id uuid, service_id uuid NOT NULL,
                template_id uuid NOT NULL, template_version integer NOT NULL, api_key_id uuid,
                key_type text NOT NULL, billable_units integer NOT NULL,
                notification_type text NOT NULL, created_at timestamp NOT NULL,
                sent_at timestamp, sent_by text, updated_at timestamp, notification_status text,
                international boolean, rate_multiplier numeric, postage text);
            CREATE TABLE notify.notification_history (LIKE notify.notifications INCLUDING ALL);
            CREATE VIEW notify.notifications_all_time_view AS
                SELECT id, job_id, service_id, template_id, template_version, api_key_id, key_type,
                       billable_units, notification_type, created_at, sent_at, sent_by,
                       updated_at, notification_status, international, rate_multiplier, postage
                  FROM notify.notifications
                UNION ALL
                SELECT id, job_id, service_id, template_id, template_version, api_key_id, key_type,
                       billable_units, notification_type, created_at, sent_at, sent_by,
                       updated_at, notification_status, international, rate_multiplier, postage
                  FROM notify.notification_history;
            CREATE TABLE notify.ft_notification_status (
                bst_date date NOT NULL, template_id uuid NOT NULL, service_id uuid NOT NULL,
                job_id uuid NOT NULL, notification_type text NOT NULL, key_type text NOT NULL,
                notification_status text NOT NULL, notification_count integer NOT NULL,
                created_at timestamp NOT NULL DEFAULT now(), updated_at timestamp,
                CONSTRAINT ft_notification_status_pkey PRIMARY KEY (bst_date, template_id,
                    service_id, job_id, notification_type, key_type, notification_status));
            CREATE TABLE notify.ft_billing (
                bst_date date NOT NULL, template_id uuid NOT NULL, service_id uuid NOT NULL,
                notification_type text NOT NULL, provider text NOT NULL,
                rate_multiplier integer NOT NULL, international boolean NOT NULL,
                rate numeric NOT NULL, postage text NOT NULL, billable_units integer,
                notifications_sent integer, created_at timestamp NOT NULL DEFAULT now(),
                updated_at timestamp,
                CONSTRAINT ft_billing_pkey PRIMARY KEY (bst_date, template_id, service_id,
                    notification_type, provider, rate_multiplier, international, rate, postage))
            """)
        .update();
    jdbc.sql(
            """
            INSERT INTO notify.notifications
                (id, job_id, service_id, template_id, template_version, api_key_id, key_type,
                 billable_units, notification_type, created_at, sent_at, sent_by, updated_at,
                 notification_status, international, rate_multiplier, postage)
            SELECT id, job_id, service_id, template_id, template_version, api_key_id, key_type,
                   billable_units, notification_type, created_at AT TIME ZONE 'UTC',
                   sent_at AT TIME ZONE 'UTC', sent_by, updated_at AT TIME ZONE 'UTC', status,
                   international, rate_multiplier, postage
              FROM notifications
             WHERE created_at >= :start AND created_at < :end
            """)
        .param("start", Sql.ts(start))
        .param("end", Sql.ts(end))
        .update();
    jdbc.sql(
            """
            CREATE INDEX ix_notifications_notification_type_composite
                ON notify.notifications (notification_type, notification_status, created_at);
            CREATE INDEX ix_notifications_service_created_at
                ON notify.notifications (service_id, created_at);
            CREATE INDEX ix_notifications_service_id_ntype_created_at
                ON notify.notifications (service_id, notification_type, created_at);
            CREATE INDEX ix_notifications_created_at ON notify.notifications (created_at);
            CREATE INDEX ix_notification_history_service_id_composite
                ON notify.notification_history (service_id, key_type, notification_type, created_at);
            CREATE INDEX ix_notification_history_created_at
                ON notify.notification_history (created_at);
            ANALYZE notify.notification_history
            """)
        .update();
    jdbc.sql("VACUUM ANALYZE notify.notifications").update();
  }
}

package dev.herald.bench;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Notify's tables, in schema {@code notify}, filled from Herald's generated rows: {@code
 * notifications} with the personal data in the row (naive UTC timestamps, as Notify stores them)
 * and an empty {@code notification_history} without it, each with Notify's b-tree indexes and the
 * history's foreign keys. Left out, which makes Notify's side cheaper: the partial "non-delivered"
 * index and the two trigram GIN indexes.
 */
final class NotifyShape {

  private NotifyShape() {}

  static void build(JdbcClient jdbc) {
    jdbc.sql(
            """
            CREATE SCHEMA notify;
            CREATE TABLE notify.notifications (
                id uuid PRIMARY KEY, "to" text NOT NULL, normalised_to text, job_id uuid,
                job_row_number integer, service_id uuid NOT NULL, template_id uuid NOT NULL,
                template_version integer NOT NULL, api_key_id uuid, key_type text NOT NULL,
                billable_units integer NOT NULL, notification_type text NOT NULL,
                created_at timestamp NOT NULL, sent_at timestamp, sent_by text,
                updated_at timestamp, notification_status text, reference text,
                client_reference text, _personalisation text, international boolean,
                phone_prefix text, rate_multiplier numeric, created_by_id uuid, reply_to_text text,
                document_download_count integer, postage text, unsubscribe_link text)
              WITH (autovacuum_enabled = false);
            CREATE TABLE notify.notification_history (
                id uuid PRIMARY KEY, job_id uuid, job_row_number integer,
                service_id uuid NOT NULL REFERENCES services (id), template_id uuid NOT NULL,
                template_version integer NOT NULL, api_key_id uuid REFERENCES api_keys (id),
                key_type text NOT NULL, billable_units integer NOT NULL,
                notification_type text NOT NULL, created_at timestamp NOT NULL,
                sent_at timestamp, sent_by text, updated_at timestamp, notification_status text,
                reference text, client_reference text, international boolean, phone_prefix text,
                rate_multiplier numeric, created_by_id uuid, document_download_count integer,
                postage text,
                FOREIGN KEY (template_id, template_version) REFERENCES templates_history (id, version))
            """)
        .update();
    jdbc.sql(
            """
            INSERT INTO notify.notifications
                (id, "to", normalised_to, job_id, job_row_number, service_id, template_id,
                 template_version, api_key_id, key_type, billable_units, notification_type,
                 created_at, sent_at, sent_by, updated_at, notification_status, reference,
                 client_reference, _personalisation, international, phone_prefix, rate_multiplier,
                 reply_to_text, postage, unsubscribe_link)
            SELECT n.id, p.recipient, p.normalised_recipient, n.job_id, n.job_row_number,
                   n.service_id, n.template_id, n.template_version, n.api_key_id, n.key_type,
                   n.billable_units, n.notification_type, n.created_at AT TIME ZONE 'UTC',
                   n.sent_at AT TIME ZONE 'UTC', n.sent_by, n.updated_at AT TIME ZONE 'UTC',
                   n.status, n.reference, n.client_reference, CAST(p.personalisation AS text),
                   n.international, n.phone_prefix, n.rate_multiplier, p.reply_to_text, n.postage,
                   p.unsubscribe_link
              FROM notifications n
              JOIN notification_personal_data p
                ON p.notification_id = n.id AND p.expires_on = n.expires_on
            """)
        .update();
    jdbc.sql(
            """
            CREATE INDEX ix_notifications_notification_type_composite
                ON notify.notifications (notification_type, notification_status, created_at);
            CREATE INDEX ix_notifications_service_created_at
                ON notify.notifications (service_id, created_at);
            CREATE INDEX ix_notifications_service_id_ntype_created_at
                ON notify.notifications (service_id, notification_type, created_at);
            CREATE INDEX ix_notifications_job_id ON notify.notifications (job_id);
            CREATE INDEX ix_notifications_template_id ON notify.notifications (template_id);
            CREATE INDEX ix_notifications_created_at ON notify.notifications (created_at);
            CREATE INDEX ix_notifications_reference ON notify.notifications (reference);
            CREATE INDEX ix_notifications_client_reference ON notify.notifications (client_reference);
            CREATE INDEX ix_notification_history_service_id_composite
                ON notify.notification_history (service_id, key_type, notification_type, created_at);
            CREATE INDEX ix_notification_history_created_at
                ON notify.notification_history (created_at);
            CREATE INDEX ix_notification_history_job_id ON notify.notification_history (job_id);
            CREATE INDEX ix_notification_history_reference
                ON notify.notification_history (reference);
            ANALYZE notify.notifications;
            ANALYZE notify.notification_history
            """)
        .update();
  }
}

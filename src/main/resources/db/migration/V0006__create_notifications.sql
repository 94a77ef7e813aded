-- Every notification, kept as history: no personal data here (see notification_personal_data).
-- Ids are UUIDv7, so they sort by creation time.
CREATE TABLE notifications (
    id                uuid PRIMARY KEY,
    service_id        uuid NOT NULL REFERENCES services (id),
    template_id       uuid NOT NULL,
    template_version  integer NOT NULL,
    api_key_id        uuid REFERENCES api_keys (id),
    key_type          text NOT NULL,
    notification_type text NOT NULL CHECK (notification_type IN ('email', 'sms', 'letter')),
    status            text NOT NULL,
    client_reference  text,
    reference         text,
    billable_units    integer NOT NULL DEFAULT 0,
    international     boolean NOT NULL DEFAULT false,
    phone_prefix      text,
    rate_multiplier   numeric,
    postage           text,
    sent_by           text,
    job_id            uuid,
    job_row_number    integer,
    expires_on        date NOT NULL,
    created_at        timestamptz NOT NULL,
    sent_at           timestamptz,
    updated_at        timestamptz,
    FOREIGN KEY (template_id, template_version) REFERENCES templates_history (id, version)
);
-- Listing a service's notifications newest first (v2 list, filtered by key type).
CREATE INDEX ix_notifications_service_key_type_created ON notifications (service_id, key_type, created_at DESC);
CREATE INDEX ix_notifications_client_reference ON notifications (service_id, client_reference) WHERE client_reference IS NOT NULL;
CREATE INDEX ix_notifications_reference ON notifications (reference) WHERE reference IS NOT NULL;

-- The personal data of each notification, partitioned by the London day it expires, so that
-- retention drops whole partitions. Partitions are created ahead by Herald (PartitionMaintainer).
CREATE TABLE notification_personal_data (
    notification_id      uuid NOT NULL,
    expires_on           date NOT NULL,
    service_id           uuid NOT NULL,
    recipient            text NOT NULL,
    normalised_recipient text NOT NULL,
    personalisation      jsonb,
    reply_to_text        text,
    unsubscribe_link     text,
    PRIMARY KEY (notification_id, expires_on)
) PARTITION BY RANGE (expires_on);
CREATE INDEX ix_personal_data_service_recipient ON notification_personal_data (service_id, normalised_recipient);

-- Work for the delivery workers, written in the transaction that stores the notification.
CREATE TABLE delivery_queue (
    notification_id uuid PRIMARY KEY,
    lane            smallint NOT NULL,
    run_at          timestamptz NOT NULL,
    attempts        integer NOT NULL DEFAULT 0,
    leased_by       text,
    lease_expires   timestamptz
);
CREATE INDEX ix_delivery_queue_claim ON delivery_queue (lane, run_at) WHERE leased_by IS NULL;

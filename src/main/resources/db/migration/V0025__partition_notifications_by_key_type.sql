-- notifications partitioned by key type: the live keys' notifications (normal, team) in
-- notifications_live, the test keys' in notifications_test. Nightly retention deletes the test-key
-- notifications past their day; among the others they lay one or two to a page, so deleting them
-- changed nearly every page of the table (and wrote it whole to the WAL after a checkpoint): 7 of
-- the 9 s of retention at 10M rows (bench retention). In a partition of their own they fill few
-- pages, in the order they were made.
--
-- What this changes: the primary key is (id, key_type), as PostgreSQL requires the partition key
-- in a unique key (ids are UUIDv7 made by Herald, unique on their own); a read by id alone probes
-- both partitions' keys. CREATE INDEX CONCURRENTLY does not work on a partitioned table: a new
-- index on a large table is built per partition CONCURRENTLY by hand, then attached (see
-- CONTRIBUTING.md). Any other key type is refused by the insert (no partition for it).
--
-- The rows are copied in this migration's transaction, and sends wait for it: 46 s for 1M
-- notifications with their indexes on 2 shared cores (KeyTypePartitionMigrationIT with
-- -Dherald.migration-test.rows=1000000). With many notifications stored, upgrade in a quiet hour.
ALTER TABLE notifications RENAME TO notifications_unpartitioned;

CREATE TABLE notifications (
    id                     uuid NOT NULL,
    service_id             uuid NOT NULL REFERENCES services (id),
    template_id            uuid NOT NULL,
    template_version       integer NOT NULL,
    api_key_id             uuid REFERENCES api_keys (id),
    key_type               text NOT NULL,
    notification_type      text NOT NULL CHECK (notification_type IN ('email', 'sms', 'letter')),
    status                 text NOT NULL,
    client_reference       text,
    reference              text,
    billable_units         integer NOT NULL DEFAULT 0,
    international          boolean NOT NULL DEFAULT false,
    phone_prefix           text,
    rate_multiplier        numeric,
    postage                text,
    sent_by                text,
    job_id                 uuid,
    job_row_number         integer,
    expires_on             date NOT NULL,
    created_at             timestamptz NOT NULL,
    sent_at                timestamptz,
    updated_at             timestamptz,
    delivery_claimed_until timestamptz,
    FOREIGN KEY (template_id, template_version) REFERENCES templates_history (id, version)
) PARTITION BY LIST (key_type);

CREATE TABLE notifications_live PARTITION OF notifications FOR VALUES IN ('normal', 'team');
CREATE TABLE notifications_test PARTITION OF notifications FOR VALUES IN ('test');

INSERT INTO notifications
SELECT id, service_id, template_id, template_version, api_key_id, key_type, notification_type,
       status, client_reference, reference, billable_units, international, phone_prefix,
       rate_multiplier, postage, sent_by, job_id, job_row_number, expires_on, created_at, sent_at,
       updated_at, delivery_claimed_until
  FROM notifications_unpartitioned;

DROP TABLE notifications_unpartitioned;

-- The indexes of V0006–V0024, built once the rows are in; each is made on both partitions.
ALTER TABLE notifications ADD PRIMARY KEY (id, key_type);
-- Listing a service's notifications newest first (v2 list, filtered by key type).
CREATE INDEX ix_notifications_service_key_type_created ON notifications (service_id, key_type, created_at DESC);
CREATE INDEX ix_notifications_client_reference ON notifications (service_id, client_reference) WHERE client_reference IS NOT NULL;
CREATE INDEX ix_notifications_reference ON notifications (reference) WHERE reference IS NOT NULL;
-- Handed over and not yet final, by when they were sent: the 72-hour timeout, slow delivery.
CREATE INDEX ix_notifications_in_flight ON notifications (sent_at) WHERE status IN ('sending', 'pending');
CREATE INDEX ix_notifications_sms_sent_at ON notifications (sent_at) WHERE notification_type = 'sms' AND sent_at IS NOT NULL;
-- Re-dating a service's rows of one type when its retention changes.
CREATE INDEX ix_notifications_service_type_expires ON notifications (service_id, notification_type, expires_on);
-- The fact rebuild's (day, type, service) reads and probes.
CREATE INDEX ix_notifications_service_type_created ON notifications (service_id, notification_type, created_at);
-- When a template was last used (test keys do not count).
CREATE INDEX ix_notifications_template_created ON notifications (template_id, created_at DESC) WHERE key_type <> 'test';
-- Admin search by any part of the caller's reference.
CREATE INDEX ix_notifications_client_reference_trgm ON notifications USING gin (client_reference gin_trgm_ops)
    WHERE client_reference IS NOT NULL;
-- A service's notifications newest first, whatever their key type (admin search).
CREATE INDEX ix_notifications_service_created ON notifications (service_id, created_at DESC, id DESC);
-- GET /v2/notifications?status=… for a status few notifications have.
CREATE INDEX ix_notifications_service_undelivered ON notifications (service_id, key_type, status, created_at DESC)
    WHERE status <> 'delivered';
-- What nightly retention deletes: test-key notifications by expiry day. On the test partition
-- only (it was a partial index on the whole table, ix_notifications_test_key_expires).
CREATE INDEX ix_notifications_test_expires ON notifications_test (expires_on);

-- Recipients who marked an email as spam, as SES reports them (Notify's complaints table). No
-- personal data: the complaining address is not kept, since it is the notification's recipient.
-- Kept as history, like notifications. No foreign key to notifications: retention deletes
-- test-key notifications in batches, and a key would make every such delete look in here.
CREATE TABLE complaints (
    id              uuid PRIMARY KEY,
    notification_id uuid NOT NULL,
    service_id      uuid NOT NULL REFERENCES services (id),
    ses_feedback_id text NOT NULL,
    complaint_type  text,
    complaint_date  timestamptz NOT NULL,
    created_at      timestamptz NOT NULL
);
-- One row per complaint: SNS may deliver the same event more than once.
CREATE UNIQUE INDEX uq_complaints_ses_feedback_id ON complaints (ses_feedback_id);
-- A service's complaints newest first (admin API).
CREATE INDEX ix_complaints_service_created ON complaints (service_id, created_at DESC, id DESC);

-- Where a service wants to hear about its notifications and received texts: one URL per type.
-- The bearer token is a secret Herald must send back, so it is stored encrypted (SecretBox).
CREATE TABLE service_callback_api (
    id            uuid PRIMARY KEY,
    service_id    uuid NOT NULL REFERENCES services (id),
    callback_type text NOT NULL
                  CHECK (callback_type IN ('delivery_status', 'complaint', 'inbound_sms', 'returned_letter')),
    url           text NOT NULL,
    bearer_token  bytea NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    UNIQUE (service_id, callback_type)
);

-- Every POST Herald made to a callback URL, answered or not. No payload and no personal data:
-- the subject is the id of the notification or received text the callback was about.
CREATE TABLE callback_attempts (
    id                  uuid PRIMARY KEY,
    service_id          uuid NOT NULL REFERENCES services (id),
    callback_type       text NOT NULL,
    subject_id          uuid NOT NULL,
    notification_status text,
    attempt             integer NOT NULL,
    status_code         integer,
    error               text,
    duration_ms         integer NOT NULL,
    attempted_at        timestamptz NOT NULL
);
-- A service's attempts newest first (admin API).
CREATE INDEX ix_callback_attempts_service_attempted ON callback_attempts (service_id, attempted_at DESC);
-- Whether a callback was already made, so that a repeated status change queues no second one.
CREATE INDEX ix_callback_attempts_subject ON callback_attempts (subject_id, callback_type);

-- Text messages received on a service's inbound number; content and sender are personal data.
CREATE TABLE inbound_sms (
    id                 uuid PRIMARY KEY,
    service_id         uuid NOT NULL REFERENCES services (id),
    notify_number      text NOT NULL,
    user_number        text NOT NULL,
    content            text NOT NULL,
    provider           text,
    provider_reference text,
    provider_date      timestamptz,
    created_at         timestamptz NOT NULL
);
CREATE INDEX ix_inbound_sms_service_created ON inbound_sms (service_id, created_at DESC);

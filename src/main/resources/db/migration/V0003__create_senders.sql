-- Reply-to addresses for a service's emails.
CREATE TABLE service_email_reply_to (
    id            uuid PRIMARY KEY,
    service_id    uuid NOT NULL REFERENCES services (id),
    email_address text NOT NULL,
    is_default    boolean NOT NULL,
    archived      boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL
);
CREATE INDEX ix_service_email_reply_to_service_id ON service_email_reply_to (service_id);

-- Numbers on which services receive text messages; a number belongs to at most one service.
CREATE TABLE inbound_numbers (
    id         uuid PRIMARY KEY,
    number     text NOT NULL UNIQUE,
    service_id uuid UNIQUE REFERENCES services (id),
    active     boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL
);

-- Senders (numbers or up to 11 letters) for a service's text messages.
CREATE TABLE service_sms_senders (
    id                uuid PRIMARY KEY,
    service_id        uuid NOT NULL REFERENCES services (id),
    sms_sender        text NOT NULL,
    is_default        boolean NOT NULL,
    inbound_number_id uuid REFERENCES inbound_numbers (id),
    archived          boolean NOT NULL DEFAULT false,
    created_at        timestamptz NOT NULL
);
CREATE INDEX ix_service_sms_senders_service_id ON service_sms_senders (service_id);

-- What a service may send (email, sms, letter, international_sms, inbound_sms, ...).
CREATE TABLE service_permissions (
    service_id uuid NOT NULL REFERENCES services (id),
    permission text NOT NULL,
    PRIMARY KEY (service_id, permission)
);

-- Team members: team keys and trial-mode services may send to their email and phone.
CREATE TABLE service_users (
    id                uuid PRIMARY KEY,
    service_id        uuid NOT NULL REFERENCES services (id),
    name              text NOT NULL,
    email_address     text NOT NULL,
    mobile_number     text,
    created_at        timestamptz NOT NULL
);
CREATE INDEX ix_service_users_service_id ON service_users (service_id);

-- Extra recipients a team key or trial-mode service may send to, in normalised form.
CREATE TABLE service_guest_list (
    id             uuid PRIMARY KEY,
    service_id     uuid NOT NULL REFERENCES services (id),
    recipient_type text NOT NULL CHECK (recipient_type IN ('email', 'mobile')),
    recipient      text NOT NULL,
    created_at     timestamptz NOT NULL
);
CREATE INDEX ix_service_guest_list_service_id ON service_guest_list (service_id);

-- A service: one team's sending identity, with its trial mode, permissions and limits.
CREATE TABLE services (
    id                              uuid PRIMARY KEY,
    name                            text NOT NULL,
    active                          boolean NOT NULL DEFAULT true,
    restricted                      boolean NOT NULL DEFAULT true,
    email_sender_local_part         text NOT NULL,
    prefix_sms                      boolean NOT NULL DEFAULT false,
    rate_limit                      integer NOT NULL DEFAULT 3000,
    email_message_limit             bigint NOT NULL DEFAULT 999999999,
    sms_message_limit               bigint NOT NULL DEFAULT 999999999,
    letter_message_limit            bigint NOT NULL DEFAULT 999999999,
    international_sms_message_limit bigint NOT NULL DEFAULT 250000,
    contact_link                    text,
    created_at                      timestamptz NOT NULL,
    updated_at                      timestamptz
);

CREATE UNIQUE INDEX uq_services_name ON services (lower(name));

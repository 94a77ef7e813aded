-- Delivery providers as configured on the instances: priority weights the random choice of SMS
-- provider (0–100), active takes a provider out of use. Rows are added by Herald at start-up for
-- each configured provider; operators change them through /admin/providers.
CREATE TABLE provider_details (
    identifier            text PRIMARY KEY,
    notification_type     text NOT NULL CHECK (notification_type IN ('email', 'sms', 'letter')),
    priority              integer NOT NULL CHECK (priority BETWEEN 0 AND 100),
    active                boolean NOT NULL DEFAULT true,
    supports_international boolean NOT NULL DEFAULT false,
    updated_at            timestamptz NOT NULL
);

-- Every change of priority or active, with who or what made it and why.
CREATE TABLE provider_details_history (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    identifier  text NOT NULL,
    priority    integer NOT NULL,
    active      boolean NOT NULL,
    reason      text NOT NULL,
    changed_at  timestamptz NOT NULL
);
CREATE INDEX ix_provider_details_history_identifier ON provider_details_history (identifier, changed_at DESC);

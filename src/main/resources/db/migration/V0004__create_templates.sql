-- The current version of each template.
CREATE TABLE templates (
    id                   uuid PRIMARY KEY,
    service_id           uuid NOT NULL REFERENCES services (id),
    name                 text NOT NULL,
    template_type        text NOT NULL CHECK (template_type IN ('email', 'sms', 'letter')),
    subject              text,
    content              text NOT NULL,
    letter_contact_block text,
    postage              text,
    archived             boolean NOT NULL DEFAULT false,
    hidden               boolean NOT NULL DEFAULT false,
    version              integer NOT NULL,
    created_by           text,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz
);
CREATE INDEX ix_templates_service_id ON templates (service_id);

-- Every version of every template; a notification points at (id, version) here.
CREATE TABLE templates_history (
    id                   uuid NOT NULL,
    version              integer NOT NULL,
    service_id           uuid NOT NULL REFERENCES services (id),
    name                 text NOT NULL,
    template_type        text NOT NULL,
    subject              text,
    content              text NOT NULL,
    letter_contact_block text,
    postage              text,
    archived             boolean NOT NULL,
    hidden               boolean NOT NULL,
    created_by           text,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz,
    PRIMARY KEY (id, version)
);

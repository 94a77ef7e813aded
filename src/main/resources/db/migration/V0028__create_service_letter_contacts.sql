-- The contact blocks a service prints at the top right of its letters. A letter template's version
-- keeps the text of the block it was given (templates.letter_contact_block), so what a version
-- prints never changes under it; archiving a block hides it from new templates only.
CREATE TABLE service_letter_contacts (
    id            uuid PRIMARY KEY,
    service_id    uuid NOT NULL REFERENCES services (id),
    contact_block text NOT NULL,
    is_default    boolean NOT NULL,
    archived      boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL
);
CREATE INDEX ix_service_letter_contacts_service_id ON service_letter_contacts (service_id);

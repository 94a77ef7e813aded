-- Files sent by email ("send a file by email"). The content is encrypted with a key that exists
-- only in the recipient's download link, so the database alone cannot reveal a file.
CREATE TABLE documents (
    id                 uuid PRIMARY KEY,
    service_id         uuid NOT NULL REFERENCES services (id),
    content            bytea NOT NULL,
    filename           text,
    mimetype           text NOT NULL,
    confirm_email_hash bytea,
    expires_at         timestamptz NOT NULL,
    created_at         timestamptz NOT NULL
);
CREATE INDEX ix_documents_expires_at ON documents (expires_at);

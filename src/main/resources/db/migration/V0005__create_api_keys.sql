-- API keys. The secret is needed to verify HMAC signatures, so it is stored encrypted (AES-GCM),
-- never hashed. Revoking sets expiry_date.
CREATE TABLE api_keys (
    id          uuid PRIMARY KEY,
    service_id  uuid NOT NULL REFERENCES services (id),
    name        text NOT NULL,
    secret      bytea NOT NULL,
    key_type    text NOT NULL CHECK (key_type IN ('normal', 'team', 'test')),
    expiry_date timestamptz,
    created_at  timestamptz NOT NULL
);
CREATE INDEX ix_api_keys_service_id ON api_keys (service_id);
CREATE UNIQUE INDEX uq_api_keys_service_name_active ON api_keys (service_id, name) WHERE expiry_date IS NULL;

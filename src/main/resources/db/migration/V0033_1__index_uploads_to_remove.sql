-- flyway:executeInTransaction=false
-- What the nightly removal looks for: uploads not archived yet, by expiry; archived ones leave the
-- index. Built concurrently: uploads are written while Herald runs.
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_uploads_to_remove ON uploads (expires_at)
    WHERE NOT archived;

DROP INDEX CONCURRENTLY IF EXISTS ix_uploads_expires_at;

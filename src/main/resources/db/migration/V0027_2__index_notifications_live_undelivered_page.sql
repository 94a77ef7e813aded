-- flyway:executeInTransaction=false
-- ix_notifications_undelivered_page (V0027_1) on the live keys' partition, built concurrently.
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_notifications_live_undelivered_page
    ON notifications_live (service_id, key_type, status, created_at DESC, id DESC)
    WHERE status <> 'delivered';

-- flyway:executeInTransaction=false
-- ix_notifications_undelivered_page (V0027_1) on the test keys' partition, built concurrently.
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_notifications_test_undelivered_page
    ON notifications_test (service_id, key_type, status, created_at DESC, id DESC)
    WHERE status <> 'delivered';

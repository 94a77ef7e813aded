-- flyway:executeInTransaction=false
-- When a template was last used: one index lookup (the newest entry). Test-key notifications
-- do not count, as in Notify. Built concurrently: notifications may already be large.
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_notifications_template_created
    ON notifications (template_id, created_at DESC) WHERE key_type <> 'test';

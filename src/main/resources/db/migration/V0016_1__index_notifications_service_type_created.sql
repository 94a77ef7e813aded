-- flyway:executeInTransaction=false
-- A service's notifications of one type created in a window: what the fact rebuild reads for a
-- (London day, type, service) and probes to find which combinations have data. Built
-- concurrently: notifications may already be large, and a plain build would block every send.
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_notifications_service_type_created
    ON notifications (service_id, notification_type, created_at);

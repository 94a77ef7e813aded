-- flyway:executeInTransaction=false
-- A service's notifications newest first, whatever their key type: what the admin search walks for
-- a piece of text that many of the service's notifications contain, stopping at a page of matches
-- instead of reading every match (bench scale). (created_at, id) is the search's page order, so
-- the keyset of the next page is an index condition. Built concurrently: notifications may
-- already be large, and a plain build would block every send.
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_notifications_service_created
    ON notifications (service_id, created_at DESC, id DESC);

-- A service's notifications of one key type and one status (not delivered) in the exact order of a
-- v2 list page, created_at and then id, newest first: what GET /v2/notifications?status=… reads
-- for one status other than delivered (NotificationRepository.PAGE_OF_ONE_UNDELIVERED_STATUS).
-- It replaces ix_notifications_service_undelivered (V0024_2), which lacked the id: the page's
-- position (created_at, id) < (…) was then no bound on that index, and in a generic plan the
-- planner preferred walking ix_notifications_service_created, all the service's notifications,
-- newest first: 95 ms at p50 for status=sending when only the last three days hold many (bench
-- scale, 10M rows). With every column of the page's condition in the index, the page is one
-- bounded range read in order (ListPlanIT).
--
-- notifications is partitioned, and PostgreSQL cannot build an index on a partitioned table
-- concurrently: the index is made ON ONLY the parent here, built on each partition concurrently
-- (V0027_2, V0027_3), and attached with the old index dropped (V0027_4).
CREATE INDEX IF NOT EXISTS ix_notifications_undelivered_page
    ON ONLY notifications (service_id, key_type, status, created_at DESC, id DESC)
    WHERE status <> 'delivered';

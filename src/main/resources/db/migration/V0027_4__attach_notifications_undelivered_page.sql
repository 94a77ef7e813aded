-- The partitions' indexes of V0027_2 and V0027_3 become ix_notifications_undelivered_page's, and
-- the index it replaces goes.
ALTER INDEX ix_notifications_undelivered_page ATTACH PARTITION ix_notifications_live_undelivered_page;
ALTER INDEX ix_notifications_undelivered_page ATTACH PARTITION ix_notifications_test_undelivered_page;
DROP INDEX ix_notifications_service_undelivered;

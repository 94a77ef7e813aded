-- Test-key notifications by expiry day: what nightly retention deletes (bench retention found the
-- batched delete rescanning notifications without it). Small: test keys are a few per cent.
CREATE INDEX IF NOT EXISTS ix_notifications_test_key_expires ON notifications (expires_on) WHERE key_type = 'test';

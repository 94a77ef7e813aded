-- Notifications handed over and not yet final, by when they were sent: what the 72-hour timeout
-- and the slow-delivery check read. Small, since most notifications are final.
CREATE INDEX ix_notifications_in_flight ON notifications (sent_at) WHERE status IN ('sending', 'pending');

-- SMS by hand-over time, for the slow-delivery check over the last 15 minutes.
CREATE INDEX ix_notifications_sms_sent_at ON notifications (sent_at) WHERE notification_type = 'sms' AND sent_at IS NOT NULL;

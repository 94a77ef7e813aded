-- How long a service keeps the personal data of each type of notification (3–90 days; 7 when
-- there is no row). A notification's expiry day is fixed when it is stored, from this setting.
CREATE TABLE service_data_retention (
    service_id        uuid NOT NULL REFERENCES services (id),
    notification_type text NOT NULL CHECK (notification_type IN ('email', 'sms', 'letter')),
    days_of_retention integer NOT NULL CHECK (days_of_retention BETWEEN 3 AND 90),
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz,
    PRIMARY KEY (service_id, notification_type)
);

-- Finding a service's rows of one type by expiry day, to re-date them when the setting changes.
CREATE INDEX ix_notifications_service_type_expires ON notifications (service_id, notification_type, expires_on);

-- Counts per London day (bst_date), rebuilt nightly from notifications for the last days, so that
-- statistics over weeks and months read a few rows per day instead of every notification.
-- Test-key notifications are never counted. job_id is the zero UUID when there is no job.
CREATE TABLE ft_notification_status (
    bst_date            date NOT NULL,
    template_id         uuid NOT NULL,
    service_id          uuid NOT NULL,
    job_id              uuid NOT NULL,
    notification_type   text NOT NULL,
    key_type            text NOT NULL,
    notification_status text NOT NULL,
    notification_count  integer NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz,
    PRIMARY KEY (bst_date, template_id, service_id, job_id, notification_type, key_type,
                 notification_status)
);
-- A service's days: statistics, template usage, and the rebuild's "facts already there" check.
CREATE INDEX ix_ft_notification_status_service_date ON ft_notification_status (service_id, bst_date);

-- What is billable per London day. Email: rate 0, postage 'none', no units. Herald has no rates
-- table yet, so rate is 0 for every type.
CREATE TABLE ft_billing (
    bst_date           date NOT NULL,
    template_id        uuid NOT NULL,
    service_id         uuid NOT NULL,
    notification_type  text NOT NULL,
    provider           text NOT NULL,
    rate_multiplier    integer NOT NULL,
    international      boolean NOT NULL,
    rate               numeric NOT NULL,
    postage            text NOT NULL,
    billable_units     integer NOT NULL,
    notifications_sent integer NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz,
    PRIMARY KEY (bst_date, template_id, service_id, notification_type, provider, rate_multiplier,
                 international, rate, postage)
);
CREATE INDEX ix_ft_billing_service_date ON ft_billing (service_id, bst_date);

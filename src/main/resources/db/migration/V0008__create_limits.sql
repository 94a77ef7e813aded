-- Per-minute rate limits: one token bucket per service and key type, shared by every instance.
CREATE TABLE rate_limit_buckets (
    service_id uuid NOT NULL,
    key_type   text NOT NULL,
    tokens     double precision NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (service_id, key_type)
);

-- Daily send counts per service and type (email, sms, letter, international_sms) and UTC day.
-- Instances claim from these counts in small batches; notifications are never counted.
CREATE TABLE daily_send_counts (
    service_id uuid NOT NULL,
    count_type text NOT NULL,
    day        date NOT NULL,
    count      bigint NOT NULL,
    PRIMARY KEY (service_id, count_type, day)
);

-- Receipts that matched no notification when they came: a provider may report on a message before
-- Herald has recorded the hand-over (its reference). Kept for a day and applied as soon as the
-- hand-over is recorded, or by a sweep; no personal data.
CREATE TABLE early_receipts (
    provider    text NOT NULL,
    reference   text NOT NULL,
    status      text NOT NULL,
    reported_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (provider, reference, status)
);
CREATE INDEX ix_early_receipts_received_at ON early_receipts (received_at);

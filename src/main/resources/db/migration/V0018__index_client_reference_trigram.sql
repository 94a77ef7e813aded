-- Search by any part of the caller's reference (admin search, ILIKE '%term%'). Partial: rows
-- without a reference cost nothing to write. The service is checked on the heap.
-- Write cost, bulk insert of 200k rows on 2 shared cores: notifications 3.0 s → 4.9 s (≈ 10 µs a row
-- with a reference). 2M rows (1M with a reference): 51 MB, built in 5.3 s.
-- Not CONCURRENTLY: Flyway holds a transaction open for its lock, which CREATE INDEX CONCURRENTLY
-- waits for forever. On a big table, build it CONCURRENTLY by hand first; IF NOT EXISTS then
-- makes this a no-op.
CREATE INDEX IF NOT EXISTS ix_notifications_client_reference_trgm
    ON notifications USING gin (client_reference gin_trgm_ops)
    WHERE client_reference IS NOT NULL;

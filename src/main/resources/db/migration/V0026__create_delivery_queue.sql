-- The delivery queue: one row for each notification waiting to be handed to a provider, written
-- by the statement that stores the notification and deleted by the transaction that records its
-- hand-over. It replaces db-scheduler's `deliver` tasks (docs/delivery.md says why: at ~1,900
-- messages/s the task rows and the second claim on the notification cost about a third of
-- PostgreSQL's time per message).
--
-- A worker claims a batch with one UPDATE … WHERE notification_id IN (SELECT … ORDER BY priority
-- DESC, run_at FOR UPDATE SKIP LOCKED LIMIT n): the claim writes only columns no index holds, so
-- on pages with room (fillfactor 50) it is a HOT update and touches no index. `claims` counts the
-- claims, so that a run whose lease was taken over cannot remove the next run's row. The lease is
-- kept alive by heartbeats while the run lasts; once it lapses any instance may claim the row.
--
-- The table holds only waiting work, so it stays small; it is vacuumed after every 1,000 dead rows
-- rather than after a fifth of the table.
CREATE TABLE delivery_queue (
    notification_id uuid PRIMARY KEY,
    key_type        text NOT NULL,
    priority        integer NOT NULL,
    run_at          timestamptz NOT NULL,
    attempts        integer NOT NULL DEFAULT 0,
    claims          bigint NOT NULL DEFAULT 0,
    leased_by       text,
    leased_until    timestamptz
) WITH (fillfactor = 50, autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
        autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 10000);

CREATE INDEX ix_delivery_queue_due ON delivery_queue (priority DESC, run_at);

-- What db-scheduler still had to deliver moves across, with its failed attempts so far.
INSERT INTO delivery_queue (notification_id, key_type, priority, run_at, attempts)
SELECT n.id, n.key_type, coalesce(t.priority, 0), t.execution_time, t.consecutive_failures
  FROM scheduled_tasks t
  JOIN notifications n ON n.id = CAST(t.task_instance AS uuid)
 WHERE t.task_name = 'deliver';

DELETE FROM scheduled_tasks WHERE task_name = 'deliver';

-- The claim on the notification row (V0020) was a second lease behind db-scheduler's; the queue
-- row's lease is now the only one.
ALTER TABLE notifications DROP COLUMN delivery_claimed_until;

-- Print runs (notify-letters.md §3.3, §4.3): one a London day, at 17:30, taking every live letter
-- still created, with its PDF made, from before that deadline and not yet in a batch. The run cuts
-- them into batches of one service and one postage; each batch is handed over by its own task.
-- A day has at most one run (the unique run_day), so a run started twice, or late, takes each
-- letter once; a letter is in at most one batch until a batch fails for good and lets it go.
CREATE TABLE print_runs (
    id          uuid PRIMARY KEY,
    run_day     date NOT NULL UNIQUE,
    deadline    timestamptz NOT NULL,
    provider    text NOT NULL,
    started_at  timestamptz NOT NULL,
    letters     integer NOT NULL,
    sheets      integer NOT NULL,
    -- {"first": {"letters": n, "sheets": s}, …}: what the run put in its batches.
    by_postage  jsonb NOT NULL
);

CREATE TABLE print_batches (
    id           uuid PRIMARY KEY,
    run_id       uuid NOT NULL REFERENCES print_runs (id),
    sequence     integer NOT NULL,
    service_id   uuid NOT NULL,
    postage      text NOT NULL,
    letters      integer NOT NULL,
    sheets       integer NOT NULL,
    -- planned: waiting for its hand-over; sent: the provider took it (taken letters, the rest it
    -- rejected); failed: refused for good, its letters free for the next run.
    status       text NOT NULL CHECK (status IN ('planned', 'sent', 'failed')),
    taken        integer,
    rejected     integer,
    sent_at      timestamptz,
    UNIQUE (run_id, sequence)
);
CREATE INDEX ix_print_batches_unsent ON print_batches (run_id) WHERE status <> 'sent';

ALTER TABLE notifications ADD COLUMN print_batch_id uuid;
CREATE INDEX ix_notifications_print_batch ON notifications (print_batch_id)
    WHERE print_batch_id IS NOT NULL;

-- Letters not yet final, by expiry day: what a print run takes is among them, and retention
-- carries them over to a later day instead of removing their personal data (notify-letters.md
-- §7.2); few rows (the letters of a day or two).
CREATE INDEX ix_notifications_letters_in_flight ON notifications (expires_on)
    WHERE notification_type = 'letter' AND status IN ('created', 'sending', 'pending-virus-check');

-- A letter's own reference, 16 characters of [0-9A-Z] (notify-letters.md §1.1): the printer's
-- name for it, in its receipts and in the returned-letter lists. Letters stored before it get one.
UPDATE notifications
   SET reference = upper(substr(md5(random()::text || id::text), 1, 16))
 WHERE notification_type = 'letter' AND reference IS NULL;

-- Letters the post office returned (notify-letters.md §5): kept after the letter itself is gone,
-- so no foreign key to it.
CREATE TABLE returned_letters (
    id               uuid PRIMARY KEY,
    notification_id  uuid NOT NULL UNIQUE,
    service_id       uuid NOT NULL REFERENCES services (id),
    reported_at      date NOT NULL,
    created_at       timestamptz NOT NULL
);
CREATE INDEX ix_returned_letters_service_reported ON returned_letters (service_id, reported_at);

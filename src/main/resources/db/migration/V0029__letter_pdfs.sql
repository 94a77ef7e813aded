-- What making a letter's PDF found: its pages and, for a letter that failed validation, Notify's
-- reason (notify-letters.md §2.2: letter-too-long, content-outside-printable-area, …) and the pages
-- at fault. No personal data. Nullable without a default, so adding them rewrites no partition.
ALTER TABLE notifications ADD COLUMN page_count integer;
ALTER TABLE notifications ADD COLUMN validation_failure text;
ALTER TABLE notifications ADD COLUMN invalid_pages integer[];

-- Letters stored before Herald made PDFs get the task that makes theirs (one read of the table,
-- once; the task instance is "<id>/<expiry day>", the day locating the row's partition).
INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version, priority)
SELECT 'letter-pdf', CAST(id AS text) || '/' || CAST(expires_on AS text), now(), false, 1, 10
  FROM notifications
 WHERE notification_type = 'letter' AND status IN ('created', 'sending')
ON CONFLICT (task_name, task_instance) DO NOTHING;

-- The price of a letter by its sheets (double-sided) and postage, from start_date until end_date
-- (null: still current). Notify's crown rates at 2026-08 (notify-letters.md §6.1); Herald charges
-- the oldest of a class's rates for letters older than them, which Notify cannot price at all.
CREATE TABLE letter_rates (
    id          uuid PRIMARY KEY,
    start_date  timestamptz NOT NULL,
    end_date    timestamptz,
    sheet_count integer NOT NULL CHECK (sheet_count BETWEEN 1 AND 5),
    rate        numeric(6, 3) NOT NULL,
    post_class  text NOT NULL
);
CREATE INDEX ix_letter_rates_class_sheets ON letter_rates (post_class, sheet_count, start_date);

INSERT INTO letter_rates (id, start_date, sheet_count, rate, post_class)
SELECT gen_random_uuid(), CAST(r.start_date AS timestamptz), r.sheets, r.rate, r.post_class
  FROM (VALUES
    ('2026-04-06 23:00:00+00', 1, 1.56, 'first'), ('2026-04-06 23:00:00+00', 2, 1.61, 'first'),
    ('2026-04-06 23:00:00+00', 3, 1.66, 'first'), ('2026-04-06 23:00:00+00', 4, 1.71, 'first'),
    ('2026-04-06 23:00:00+00', 5, 1.76, 'first'),
    ('2026-01-05 00:00:00+00', 1, 0.73, 'second'), ('2026-01-05 00:00:00+00', 2, 0.77, 'second'),
    ('2026-01-05 00:00:00+00', 3, 0.82, 'second'), ('2026-01-05 00:00:00+00', 4, 0.87, 'second'),
    ('2026-01-05 00:00:00+00', 5, 0.91, 'second'),
    ('2026-06-30 23:00:00+00', 1, 0.638, 'economy'), ('2026-06-30 23:00:00+00', 2, 0.684, 'economy'),
    ('2026-06-30 23:00:00+00', 3, 0.724, 'economy'), ('2026-06-30 23:00:00+00', 4, 0.779, 'economy'),
    ('2026-06-30 23:00:00+00', 5, 0.823, 'economy'),
    ('2026-05-02 23:00:00+00', 1, 1.80, 'europe'), ('2026-05-02 23:00:00+00', 2, 1.84, 'europe'),
    ('2026-05-02 23:00:00+00', 3, 1.88, 'europe'), ('2026-05-02 23:00:00+00', 4, 1.92, 'europe'),
    ('2026-05-02 23:00:00+00', 5, 1.96, 'europe'),
    ('2026-05-02 23:00:00+00', 1, 1.80, 'rest-of-world'),
    ('2026-05-02 23:00:00+00', 2, 1.84, 'rest-of-world'),
    ('2026-05-02 23:00:00+00', 3, 1.88, 'rest-of-world'),
    ('2026-05-02 23:00:00+00', 4, 1.92, 'rest-of-world'),
    ('2026-05-02 23:00:00+00', 5, 1.96, 'rest-of-world')
  ) AS r (start_date, sheets, rate, post_class);

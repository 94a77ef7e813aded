-- How many of a job's notifications are in each status, counted by the job-statistics task (every
-- 10 seconds, for the jobs still changing) so that reading a job never counts its notifications.
-- statistics_final: every row is a notification in a final status, so the counts no longer move.
CREATE TABLE job_statistics (
    job_id  uuid NOT NULL REFERENCES jobs (id),
    status  text NOT NULL,
    count   integer NOT NULL,
    PRIMARY KEY (job_id, status)
);

ALTER TABLE jobs ADD COLUMN statistics_at timestamptz;
ALTER TABLE jobs ADD COLUMN statistics_final boolean NOT NULL DEFAULT false;
CREATE INDEX ix_jobs_statistics_due ON jobs (statistics_at NULLS FIRST) WHERE NOT statistics_final;

-- Where a job's rows are queued on the bulk lane: the head of its queue when the job started (else
-- its start); row i is queued i microseconds after it, so that jobs take turns (JobNotifications).
ALTER TABLE jobs ADD COLUMN queue_from timestamptz;

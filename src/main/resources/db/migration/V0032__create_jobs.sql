-- Bulk sending (notify-jobs.md §5). An upload is a checked spreadsheet kept in the object store
-- until it is sent or expires; a job sends one upload's rows, now or at scheduled_for. A job's rows
-- become notifications in batches, each in the transaction that moves rows_done on, so a job
-- resumes at its next row after a crash and no row is stored twice (uq_notifications_job_row is
-- the backstop). No personal data here: the rows are in the file and, once sent, in
-- notification_personal_data.
CREATE TABLE uploads (
    id                  uuid PRIMARY KEY,
    service_id          uuid NOT NULL REFERENCES services (id),
    template_id         uuid NOT NULL,
    template_version    integer NOT NULL,
    original_file_name  text NOT NULL,
    file_key            text NOT NULL,
    row_count           integer NOT NULL,
    valid               boolean NOT NULL,
    created_at          timestamptz NOT NULL,
    expires_at          timestamptz NOT NULL,
    FOREIGN KEY (template_id, template_version) REFERENCES templates_history (id, version)
);
CREATE INDEX ix_uploads_expires_at ON uploads (expires_at);

CREATE TABLE jobs (
    id                   uuid PRIMARY KEY,
    service_id           uuid NOT NULL REFERENCES services (id),
    template_id          uuid NOT NULL,
    template_version     integer NOT NULL,
    original_file_name   text NOT NULL,
    file_key             text NOT NULL,
    notification_count   integer NOT NULL,
    job_status           text NOT NULL CHECK (job_status IN (
                             'pending', 'scheduled', 'in progress', 'finished',
                             'finished all notifications created', 'sending limits exceeded',
                             'cancelled', 'error')),
    scheduled_for        timestamptz,
    api_key_id           uuid REFERENCES api_keys (id),
    sender_id            uuid,
    rows_done            integer NOT NULL DEFAULT 0,
    archived             boolean NOT NULL DEFAULT false,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz,
    processing_started   timestamptz,
    processing_finished  timestamptz,
    FOREIGN KEY (template_id, template_version) REFERENCES templates_history (id, version)
);
CREATE INDEX ix_jobs_service_created ON jobs (service_id, created_at DESC);

-- A job's row is one notification, whatever happens (the key type is the partition key, which a
-- unique index on the partitioned table must hold; a job's rows are all of one key type).
CREATE UNIQUE INDEX uq_notifications_job_row ON notifications (job_id, job_row_number, key_type)
    WHERE job_id IS NOT NULL;

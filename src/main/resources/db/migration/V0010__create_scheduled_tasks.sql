-- db-scheduler's table: delivery tasks (one per notification, its id the task instance, so a
-- notification cannot be queued twice), callbacks, and the periodic tasks. Delivery rows are
-- written by the statement that stores the notification. Priority: API sends 100, bulk work 0.
CREATE TABLE scheduled_tasks (
    task_name            text NOT NULL,
    task_instance        text NOT NULL,
    task_data            bytea,
    execution_time       timestamptz NOT NULL,
    picked               boolean NOT NULL,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures integer,
    last_heartbeat       timestamptz,
    version              bigint NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX ix_scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX ix_scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX ix_scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);

-- The queue table of the first design, never used for delivery: db-scheduler's table replaces it.
DROP TABLE delivery_queue;

-- Inbound numbers in E.164 digits, so that a provider's "447700900500" finds "07700900500".
ALTER TABLE inbound_numbers ADD COLUMN normalised_number text;
CREATE UNIQUE INDEX uq_inbound_numbers_normalised ON inbound_numbers (normalised_number);

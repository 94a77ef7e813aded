-- The rows of an upload whose phone number is not a UK one, counted by its check: a job made of it
-- takes them from the international text message limit when it starts, as its rows from the
-- text message limit (JobProcessor). Uploads made before this count none.
ALTER TABLE uploads ADD COLUMN international_sms_count integer NOT NULL DEFAULT 0;

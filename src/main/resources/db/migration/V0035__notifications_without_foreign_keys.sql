-- notifications no longer checks its service, template version and API key row by row: each check
-- was a probe and a KEY SHARE lock of the referenced row per notification stored, a quarter of the
-- database's time in storing a job's batch and in the API's group commits (docs/performance.md,
-- "Storing a job's rows"). Herald writes a notification only from the service, template and key
-- it has just read, and those rows are never deleted: Herald archives services and templates and
-- revokes keys. The triggers below make "never deleted" the database's rule, so that no
-- notification's references can dangle. Jobs keep their foreign keys (one row per job).
DO $$
DECLARE
    fk record;
BEGIN
    FOR fk IN SELECT conname FROM pg_constraint
               WHERE conrelid = 'notifications'::regclass AND contype = 'f'
    LOOP
        EXECUTE format('ALTER TABLE notifications DROP CONSTRAINT %I', fk.conname);
    END LOOP;
END
$$;

CREATE FUNCTION refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are never deleted: notifications refer to them', TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER services_never_deleted BEFORE DELETE OR TRUNCATE ON services
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete();
CREATE TRIGGER templates_history_never_deleted BEFORE DELETE OR TRUNCATE ON templates_history
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete();
CREATE TRIGGER api_keys_never_deleted BEFORE DELETE OR TRUNCATE ON api_keys
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete();

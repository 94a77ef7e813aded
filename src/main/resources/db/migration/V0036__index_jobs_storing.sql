-- The delivery queue asks, at most once a second on each instance, whether a job's rows are being
-- stored (DeliveryRepository.jobStoring): the jobs in progress, few, by the time they moved on.
CREATE INDEX ix_jobs_storing ON jobs (updated_at) WHERE job_status = 'in progress';

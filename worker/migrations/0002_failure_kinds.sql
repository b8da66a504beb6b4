-- A failed job's named problem (NULL for jobs recorded before), and whether retrying can fix it:
-- a permanent failure is recorded once and retried by neither the queue nor the cron, only by a new delivery or the admin API.
ALTER TABLE failed_jobs ADD COLUMN code TEXT;
ALTER TABLE failed_jobs ADD COLUMN permanent INTEGER NOT NULL DEFAULT 0;

-- Issue 16 point 6: close of business in chunks, resumable. The first transaction moves the date,
-- records the run (finished_at null until the last chunk) and queues every loan the close may
-- change; each chunk closes some queued loans and removes them from the queue in its own
-- transaction, so a run stopped by a crash resumes with exactly the loans not yet closed.
ALTER TABLE close_of_business_run
    ALTER COLUMN finished_at DROP NOT NULL,
    ADD COLUMN loans_closed INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN chunks       INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX close_of_business_run_unfinished ON close_of_business_run ((finished_at IS NULL)) WHERE finished_at IS NULL;

CREATE TABLE close_of_business_queue (
    run_id  BIGINT NOT NULL REFERENCES close_of_business_run (id),
    loan_id UUID   NOT NULL,
    PRIMARY KEY (run_id, loan_id)
);

-- Issue 15, point 6: approvals and tasks have due times; overdue ones are flagged once and escalated
-- with RETENTION_ITEM_OVERDUE.
ALTER TABLE intervention
    ADD COLUMN approval_due_at TIMESTAMPTZ,
    ADD COLUMN overdue_at      TIMESTAMPTZ;
UPDATE intervention SET approval_due_at = proposed_at + INTERVAL '48 hours' WHERE status = 'PROPOSED' AND approval_required;
CREATE INDEX intervention_approval_due ON intervention (approval_due_at) WHERE status = 'PROPOSED' AND overdue_at IS NULL;

ALTER TABLE retention_task
    ADD COLUMN due_at     TIMESTAMPTZ,
    ADD COLUMN overdue_at TIMESTAMPTZ;
UPDATE retention_task SET due_at = (due_date + 1)::timestamp AT TIME ZONE 'UTC';
ALTER TABLE retention_task ALTER COLUMN due_at SET NOT NULL;
CREATE INDEX retention_task_due ON retention_task (due_at) WHERE status = 'OPEN' AND overdue_at IS NULL;

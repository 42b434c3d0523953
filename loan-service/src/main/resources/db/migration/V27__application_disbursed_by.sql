-- Disbursing moves money: who did it is recorded like every other decision on an application
-- (issue 17, point 4). Earlier disbursements stay unknown (NULL): nobody recorded them.
ALTER TABLE loan_application ADD COLUMN disbursed_by TEXT;

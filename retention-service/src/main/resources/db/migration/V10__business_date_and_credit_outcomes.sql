-- Issue 15, point 1: outcomes as banks define them, on the loan book's business date.

-- The loan book's business date, as loan-service's events say it (BUSINESS_DATE_CHANGED and the
-- envelope's businessDate); one row, only ever moved forward.
CREATE TABLE business_date (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    business_date DATE        NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

-- The date of each alert on the business-date calendar (envelope businessDate, else its occurredAt's UTC date).
ALTER TABLE alert_case ADD COLUMN alerted_on DATE;
UPDATE alert_case SET alerted_on = (alerted_at AT TIME ZONE 'UTC')::date;
ALTER TABLE alert_case ALTER COLUMN alerted_on SET NOT NULL;
CREATE INDEX alert_case_alerted_on ON alert_case (alerted_on);

-- The business date of each closure (envelope businessDate, else closedOn) and the fees written off.
ALTER TABLE loan_closure
    ADD COLUMN closed_date      DATE,
    ADD COLUMN written_off_fees NUMERIC(14, 2);
UPDATE loan_closure SET closed_date = closed_on;
ALTER TABLE loan_closure ALTER COLUMN closed_date SET NOT NULL;

-- Credit facts of every loan seen on loan-events or repayment-events (also loans whose LOAN_OPENED
-- never arrived): days past due at the last observation, when it first reached default, distressed
-- restructurings, unpaid fees and the last known outstanding balance.
CREATE TABLE loan_status (
    loan_id           UUID PRIMARY KEY,
    customer_id       UUID        NOT NULL,
    days_past_due     INTEGER     NOT NULL DEFAULT 0,
    observed_on       DATE,
    default_on        DATE,
    distressed_on     DATE,
    fees_outstanding  NUMERIC(14, 2),
    outstanding       NUMERIC(14, 2),
    first_seen_on     DATE        NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX loan_status_customer ON loan_status (customer_id);

-- Realised cost: loan-service's concession (LOAN_MODIFIED.concession) plus the fixed cost.
ALTER TABLE intervention
    ADD COLUMN realised_concession NUMERIC(14, 2),
    ADD COLUMN fixed_cost          NUMERIC(14, 2);

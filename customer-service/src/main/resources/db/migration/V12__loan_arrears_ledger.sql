-- What each loan-service event said about a loan's arrears, so that the overdue installments can be
-- folded in the order the events happened (occurred_at), whatever order the two topics deliver them in.
CREATE TABLE loan_arrears_entry (
    event_id      UUID PRIMARY KEY,
    loan_id       UUID           NOT NULL REFERENCES customer_loan (loan_id),
    occurred_at   TIMESTAMPTZ    NOT NULL,
    kind          TEXT           NOT NULL,
    on_date       DATE,
    amount        NUMERIC(19, 2) NOT NULL,
    bucket        TEXT
);
CREATE INDEX loan_arrears_entry_loan ON loan_arrears_entry (loan_id, occurred_at);

-- The oldest overdue installment's due date: days past due are counted from it to the business date
-- in force, so they grow between events as loan-service's do.
ALTER TABLE customer_loan
    ADD COLUMN oldest_overdue_on DATE,
    -- when the loan's snapshot fields (outstanding, rate, status) were last set: an older event must not overwrite them
    ADD COLUMN rate_event_at     TIMESTAMPTZ;

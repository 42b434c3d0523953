-- Issue 16 point 6: while a close of business runs, the business date is already the new one but some
-- loans are still queued. An operation on such a loan (repayment, modification, reversal, charge-off)
-- closes that loan's day itself, in its own transaction, before or after its own change by value date;
-- this row says so, so that the run's chunk skips the loan, and carries what the close did (the run's
-- counts add them up when it finishes).
CREATE TABLE close_of_business_inline (
    run_id              BIGINT      NOT NULL REFERENCES close_of_business_run (id),
    loan_id             UUID        NOT NULL,
    missed_payments     INTEGER     NOT NULL,
    late_fees_charged   INTEGER     NOT NULL,
    delinquency_changes INTEGER     NOT NULL,
    charged_off         INTEGER     NOT NULL,
    closed_at           TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (run_id, loan_id)
);

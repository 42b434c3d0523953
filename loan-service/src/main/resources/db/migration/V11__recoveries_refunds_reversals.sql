-- Issue 16 (money): cash after a charge-off, refunds of a credit balance, reversed (bounced) repayments.

CREATE TABLE loan_recovery (
    id          UUID PRIMARY KEY,
    loan_id     UUID           NOT NULL REFERENCES loan (id),
    amount      NUMERIC(19, 2) NOT NULL CHECK (amount > 0),
    received_on DATE           NOT NULL,
    recorded_by TEXT,
    recorded_at TIMESTAMPTZ    NOT NULL
);
CREATE INDEX loan_recovery_loan ON loan_recovery (loan_id, received_on);

CREATE TABLE credit_refund (
    id          UUID PRIMARY KEY,
    loan_id     UUID           NOT NULL REFERENCES loan (id),
    amount      NUMERIC(19, 2) NOT NULL CHECK (amount > 0),
    refunded_on DATE           NOT NULL,
    recorded_by TEXT,
    recorded_at TIMESTAMPTZ    NOT NULL
);
CREATE INDEX credit_refund_loan ON credit_refund (loan_id);

-- A repayment keeps the installments as they were before it (JSON), so that a reversal puts them back.
ALTER TABLE repayment
    ADD COLUMN state_before    TEXT,
    ADD COLUMN reversed_on     DATE,
    ADD COLUMN reversal_reason TEXT,
    ADD COLUMN reversed_by     TEXT;

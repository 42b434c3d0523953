-- Issue 4: applications, fees, delinquency buckets and their history, charge-off, maker-checker
-- modification requests, Idempotency-Key storage, close-of-business runs.

-- Loans: the delinquency bucket as of the business date, the late fee charged per missed
-- installment, and why a loan closed (charge-off reason).
ALTER TABLE loan
    ADD COLUMN delinquency_bucket TEXT,
    ADD COLUMN late_fee           NUMERIC(19, 2) NOT NULL DEFAULT 0 CHECK (late_fee >= 0),
    ADD COLUMN closure_reason     TEXT,
    ADD COLUMN closed_by          TEXT,
    ADD COLUMN application_id     UUID;
CREATE INDEX loan_delinquent ON loan (delinquency_bucket) WHERE delinquency_bucket IS NOT NULL;

-- Installments: fees (charged at close of business) and an optimistic version, so that a writer
-- that skipped the loan-row lock fails instead of overwriting.
ALTER TABLE installment
    ADD COLUMN fee_due  NUMERIC(19, 2) NOT NULL DEFAULT 0,
    ADD COLUMN fee_paid NUMERIC(19, 2) NOT NULL DEFAULT 0,
    ADD COLUMN version  BIGINT         NOT NULL DEFAULT 0;
-- days past due and overdue amounts read the overdue installments of a loan
CREATE INDEX installment_overdue ON installment (loan_id) WHERE status = 'OVERDUE';

ALTER TABLE repayment
    ADD COLUMN to_fees     NUMERIC(19, 2) NOT NULL DEFAULT 0,
    ADD COLUMN on_time     BOOLEAN,
    ADD COLUMN recorded_by TEXT;
UPDATE repayment SET on_time = (days_late = 0);
ALTER TABLE repayment ALTER COLUMN on_time SET NOT NULL;

ALTER TABLE loan_modification
    ADD COLUMN request_id  UUID UNIQUE,
    ADD COLUMN approved_by TEXT;
CREATE INDEX loan_modification_loan ON loan_modification (loan_id, applied_on);

-- Every move of a loan between delinquency buckets (null = current).
CREATE TABLE delinquency_history (
    id              BIGSERIAL PRIMARY KEY,
    loan_id         UUID           NOT NULL REFERENCES loan (id),
    previous_bucket TEXT,
    new_bucket      TEXT,
    days_past_due   INTEGER        NOT NULL,
    overdue_amount  NUMERIC(19, 2) NOT NULL,
    business_date   DATE           NOT NULL,
    trigger         TEXT           NOT NULL,
    created_at      TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE INDEX delinquency_history_loan ON delinquency_history (loan_id, id);

CREATE TABLE loan_application (
    id               UUID PRIMARY KEY,
    customer_id      UUID           NOT NULL,
    amount           NUMERIC(19, 2) NOT NULL CHECK (amount > 0),
    annual_rate      NUMERIC(9, 6)  NOT NULL CHECK (annual_rate >= 0),
    term_months      INTEGER        NOT NULL CHECK (term_months > 0),
    method           TEXT           NOT NULL,
    principal_plan   TEXT,
    late_fee         NUMERIC(19, 2) NOT NULL DEFAULT 0,
    status           TEXT           NOT NULL,
    reason           TEXT,
    submitted_by     TEXT,
    submitted_on     DATE           NOT NULL,
    decided_by       TEXT,
    decided_on       DATE,
    loan_id          UUID REFERENCES loan (id),
    created_at       TIMESTAMPTZ    NOT NULL,
    updated_at       TIMESTAMPTZ    NOT NULL,
    version          BIGINT         NOT NULL DEFAULT 0
);
CREATE INDEX loan_application_customer ON loan_application (customer_id, created_at);

-- Four eyes: a modification asked by one user and approved (or rejected) by another.
CREATE TABLE modification_request (
    id               UUID PRIMARY KEY,
    loan_id          UUID           NOT NULL REFERENCES loan (id),
    kind             TEXT           NOT NULL,
    extension_months INTEGER,
    new_annual_rate  NUMERIC(9, 6),
    new_term_months  INTEGER,
    new_installment  NUMERIC(19, 2),
    effective_from   DATE,
    holiday_months   INTEGER,
    fee_waived       NUMERIC(19, 2),
    note             TEXT,
    status           TEXT           NOT NULL,
    requested_by     TEXT           NOT NULL,
    requested_at     TIMESTAMPTZ    NOT NULL,
    decided_by       TEXT,
    decided_at       TIMESTAMPTZ,
    decision_reason  TEXT,
    modification_id  UUID,
    version          BIGINT         NOT NULL DEFAULT 0
);
CREATE INDEX modification_request_loan ON modification_request (loan_id, requested_at);

-- Idempotency-Key of POST requests, per caller: the request's hash and, once done, its answer.
CREATE TABLE idempotency_key (
    caller           TEXT        NOT NULL,
    idem_key         TEXT        NOT NULL,
    request_hash     TEXT        NOT NULL,
    status           TEXT        NOT NULL,
    response_status  INTEGER,
    response_body    TEXT,
    response_location TEXT,
    started_at       TIMESTAMPTZ NOT NULL,
    completed_at     TIMESTAMPTZ,
    PRIMARY KEY (caller, idem_key)
);
CREATE INDEX idempotency_key_started ON idempotency_key (started_at);

-- One row per close of business: what it did (GET /business-date reports the last one).
CREATE TABLE close_of_business_run (
    id                  BIGSERIAL PRIMARY KEY,
    previous_date       DATE        NOT NULL,
    business_date       DATE        NOT NULL,
    triggered_by        TEXT        NOT NULL,
    missed_payments     INTEGER     NOT NULL,
    late_fees_charged   INTEGER     NOT NULL,
    delinquency_changes INTEGER     NOT NULL,
    charged_off         INTEGER     NOT NULL,
    started_at          TIMESTAMPTZ NOT NULL,
    finished_at         TIMESTAMPTZ NOT NULL
);

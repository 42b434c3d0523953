-- The loan book's business date (one row): advanced by operators or the daily scheduler.
CREATE TABLE business_date (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    current_date_value DATE NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
INSERT INTO business_date (id, current_date_value, updated_at) VALUES (1, CURRENT_DATE, now());

CREATE TABLE loan (
    id                UUID PRIMARY KEY,
    customer_id       UUID           NOT NULL,
    principal         NUMERIC(19, 2) NOT NULL CHECK (principal > 0),
    annual_rate       NUMERIC(9, 6)  NOT NULL CHECK (annual_rate >= 0),
    term_months       INTEGER        NOT NULL CHECK (term_months > 0),
    start_date        DATE           NOT NULL,
    method            TEXT           NOT NULL,
    status            TEXT           NOT NULL,
    schedule_version  INTEGER        NOT NULL,
    forbearance_until DATE,
    closed_on         DATE,
    created_at        TIMESTAMPTZ    NOT NULL,
    version           BIGINT         NOT NULL DEFAULT 0
);
CREATE INDEX loan_customer ON loan (customer_id);
CREATE INDEX loan_status ON loan (status);

CREATE TABLE installment (
    id             UUID PRIMARY KEY,
    loan_id        UUID           NOT NULL REFERENCES loan (id),
    seq            INTEGER        NOT NULL,
    due_date       DATE           NOT NULL,
    principal_due  NUMERIC(19, 2) NOT NULL,
    interest_due   NUMERIC(19, 2) NOT NULL,
    principal_paid NUMERIC(19, 2) NOT NULL DEFAULT 0,
    interest_paid  NUMERIC(19, 2) NOT NULL DEFAULT 0,
    status         TEXT           NOT NULL,
    UNIQUE (loan_id, seq)
);
-- close of business looks for unpaid installments falling due
CREATE INDEX installment_open_due ON installment (due_date) WHERE status = 'PENDING';

-- Every version of a loan's schedule, as it was, with why it changed.
CREATE TABLE schedule_version (
    loan_id    UUID        NOT NULL REFERENCES loan (id),
    version    INTEGER     NOT NULL,
    reason     TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    schedule   TEXT        NOT NULL,
    PRIMARY KEY (loan_id, version)
);

CREATE TABLE repayment (
    id           UUID PRIMARY KEY,
    loan_id      UUID           NOT NULL REFERENCES loan (id),
    amount       NUMERIC(19, 2) NOT NULL,
    paid_on      DATE           NOT NULL,
    to_interest  NUMERIC(19, 2) NOT NULL,
    to_principal NUMERIC(19, 2) NOT NULL,
    days_late    INTEGER        NOT NULL,
    recorded_at  TIMESTAMPTZ    NOT NULL
);
CREATE INDEX repayment_loan ON repayment (loan_id, paid_on);

CREATE TABLE loan_modification (
    id              UUID PRIMARY KEY,
    loan_id         UUID        NOT NULL REFERENCES loan (id),
    kind            TEXT        NOT NULL,
    intervention_id UUID UNIQUE,
    details         TEXT        NOT NULL,
    applied_on      DATE        NOT NULL,
    requested_by    TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);

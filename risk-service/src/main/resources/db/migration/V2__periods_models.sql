-- Dates: as_of is the latest business date an event told us about (risk-service has no clock of
-- its own for the loan book); delinquent_since is the due date of the oldest unpaid missed installment.
ALTER TABLE customer_risk
    ADD COLUMN as_of              DATE,
    ADD COLUMN delinquent_since   DATE,
    ADD COLUMN credit_limit       NUMERIC(19, 2),
    ADD COLUMN tier               TEXT,
    ADD COLUMN grade              TEXT,
    ADD COLUMN challenger_score   NUMERIC(7, 6),
    ADD COLUMN challenger_version TEXT;

-- One row per customer, loan and due period: what was due, what was paid, how late. The learned
-- models read the latest six periods.
CREATE TABLE repayment_period (
    customer_id   UUID           NOT NULL,
    loan_id       UUID           NOT NULL,
    period_date   DATE           NOT NULL,
    days_past_due INTEGER        NOT NULL,
    amount_due    NUMERIC(19, 2) NOT NULL,
    amount_paid   NUMERIC(19, 2) NOT NULL,
    outstanding   NUMERIC(19, 2) NOT NULL,
    credit_limit  NUMERIC(19, 2),
    PRIMARY KEY (customer_id, period_date, loan_id)
);

-- Credit scores by date, for the change over 90 days.
CREATE TABLE credit_score_point (
    customer_id UUID    NOT NULL,
    score_date  DATE    NOT NULL,
    score       INTEGER NOT NULL,
    PRIMARY KEY (customer_id, score_date)
);

-- Trained models. At most one ACTIVE and one CHALLENGER per churn type.
CREATE TABLE churn_model (
    version       TEXT PRIMARY KEY,
    algorithm     TEXT        NOT NULL,
    churn_type    TEXT        NOT NULL,
    status        TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    activated_at  TIMESTAMPTZ,
    training_size INTEGER     NOT NULL,
    positives     INTEGER     NOT NULL,
    metrics       TEXT        NOT NULL,
    feature_names TEXT        NOT NULL,
    baseline      TEXT        NOT NULL,
    model         BYTEA       NOT NULL
);
CREATE UNIQUE INDEX churn_model_one_active ON churn_model (churn_type) WHERE status = 'ACTIVE';
CREATE UNIQUE INDEX churn_model_one_challenger ON churn_model (churn_type) WHERE status = 'CHALLENGER';

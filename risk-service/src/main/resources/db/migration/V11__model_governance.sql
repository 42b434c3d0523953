-- Four eyes on model activation: one risk analyst requests (with the candidate-vs-champion comparison,
-- and a reason when forcing a worse model), another approves. One open request per version.
CREATE TABLE model_activation (
    version      TEXT PRIMARY KEY REFERENCES churn_model (version),
    requested_by TEXT        NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL,
    forced       BOOLEAN     NOT NULL,
    reason       TEXT,
    comparison   TEXT        NOT NULL,
    approved_by  TEXT,
    approved_at  TIMESTAMPTZ
);

-- Who did what to which model, when (requests, approvals, challengers, retirements).
CREATE TABLE model_audit (
    id      BIGSERIAL PRIMARY KEY,
    at      TIMESTAMPTZ NOT NULL,
    actor   TEXT        NOT NULL,
    action  TEXT        NOT NULL,
    version TEXT,
    detail  TEXT
);

-- Matured outcomes for monitoring: a charged-off loan is involuntary churn, a prepaid loan voluntary
-- churn, on the business date of the closure.
CREATE TABLE churn_outcome (
    customer_id  UUID NOT NULL,
    loan_id      UUID NOT NULL,
    churn_type   TEXT NOT NULL,
    outcome_date DATE NOT NULL,
    PRIMARY KEY (customer_id, loan_id)
);
CREATE INDEX score_history_business_date ON score_history (business_date);

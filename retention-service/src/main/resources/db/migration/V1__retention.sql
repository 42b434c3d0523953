-- Every churn-risk alert received, with its random (but reproducible) group: TREATMENT or CONTROL.
CREATE TABLE alert_case (
    alert_id    UUID PRIMARY KEY,
    customer_id UUID          NOT NULL,
    churn_type  TEXT          NOT NULL,
    level       TEXT          NOT NULL,
    score       NUMERIC(7, 6) NOT NULL,
    reasons     TEXT          NOT NULL,
    loan_id     UUID,
    cohort      TEXT          NOT NULL,
    received_at TIMESTAMPTZ   NOT NULL
);
CREATE INDEX alert_case_customer ON alert_case (customer_id);

CREATE TABLE intervention (
    id               UUID PRIMARY KEY,
    alert_id         UUID          NOT NULL REFERENCES alert_case (alert_id),
    customer_id      UUID          NOT NULL,
    loan_id          UUID          NOT NULL,
    churn_type       TEXT          NOT NULL,
    kind             TEXT          NOT NULL,
    status           TEXT          NOT NULL,
    extension_months INTEGER,
    new_annual_rate  NUMERIC(9, 6),
    playbook_rule    TEXT          NOT NULL,
    outcome_detail   TEXT,
    proposed_at      TIMESTAMPTZ   NOT NULL,
    decided_at       TIMESTAMPTZ,
    decided_by       TEXT,
    applied_at       TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ   NOT NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    UNIQUE (alert_id, kind)
);
CREATE INDEX intervention_customer ON intervention (customer_id);
CREATE INDEX intervention_status ON intervention (status, proposed_at DESC);

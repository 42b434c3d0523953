-- Each customer's risk features, kept up to date from events, with the latest scores.
CREATE TABLE customer_risk (
    customer_id          UUID PRIMARY KEY,
    latest_loan_id       UUID,
    active_loans         INTEGER       NOT NULL DEFAULT 0,
    loan_rate            NUMERIC(9, 6),
    days_past_due        INTEGER       NOT NULL DEFAULT 0,
    max_days_past_due    INTEGER       NOT NULL DEFAULT 0,
    consecutive_missed   INTEGER       NOT NULL DEFAULT 0,
    missed_total         INTEGER       NOT NULL DEFAULT 0,
    payments_total       INTEGER       NOT NULL DEFAULT 0,
    payments_on_time     INTEGER       NOT NULL DEFAULT 0,
    last_payment_ratio   NUMERIC(9, 4),
    credit_score         INTEGER,
    credit_score_change  INTEGER       NOT NULL DEFAULT 0,
    complaints           INTEGER       NOT NULL DEFAULT 0,
    hardship_contacts    INTEGER       NOT NULL DEFAULT 0,
    payoff_inquiries     INTEGER       NOT NULL DEFAULT 0,
    competitor_mentions  INTEGER       NOT NULL DEFAULT 0,
    rate_complaints      INTEGER       NOT NULL DEFAULT 0,
    low_satisfaction     INTEGER       NOT NULL DEFAULT 0,
    forbearance_until    DATE,
    involuntary_score    NUMERIC(7, 6) NOT NULL DEFAULT 0,
    voluntary_score      NUMERIC(7, 6) NOT NULL DEFAULT 0,
    combined_score       NUMERIC(7, 6) NOT NULL DEFAULT 0,
    involuntary_level    TEXT          NOT NULL DEFAULT 'LOW',
    voluntary_level      TEXT          NOT NULL DEFAULT 'LOW',
    reasons              TEXT          NOT NULL DEFAULT '[]',
    model_version        TEXT,
    updated_at           TIMESTAMPTZ   NOT NULL
);

CREATE TABLE score_history (
    id                BIGSERIAL PRIMARY KEY,
    customer_id       UUID          NOT NULL,
    scored_at         TIMESTAMPTZ   NOT NULL,
    cause             TEXT          NOT NULL,
    involuntary_score NUMERIC(7, 6) NOT NULL,
    voluntary_score   NUMERIC(7, 6) NOT NULL,
    combined_score    NUMERIC(7, 6) NOT NULL,
    model_version     TEXT          NOT NULL
);
CREATE INDEX score_history_customer ON score_history (customer_id, scored_at);

CREATE TABLE churn_alert (
    id            UUID PRIMARY KEY,
    customer_id   UUID          NOT NULL,
    churn_type    TEXT          NOT NULL,
    level         TEXT          NOT NULL,
    score         NUMERIC(7, 6) NOT NULL,
    reasons       TEXT          NOT NULL,
    model_version TEXT          NOT NULL,
    loan_id       UUID,
    status        TEXT          NOT NULL,
    raised_at     TIMESTAMPTZ   NOT NULL,
    updated_at    TIMESTAMPTZ   NOT NULL,
    cleared_at    TIMESTAMPTZ
);
-- one open alert per customer and churn type
CREATE UNIQUE INDEX churn_alert_one_open ON churn_alert (customer_id, churn_type) WHERE status = 'OPEN';
CREATE INDEX churn_alert_status ON churn_alert (status, raised_at DESC);

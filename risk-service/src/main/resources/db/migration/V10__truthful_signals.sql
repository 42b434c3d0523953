-- The loan book's business date as the events told it (BUSINESS_DATE_CHANGED and every envelope's
-- businessDate). One row; it only moves forward (GREATEST on every write).
CREATE TABLE business_date (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    business_date DATE NOT NULL
);

-- Per-loan state (arrears, rate, maturity) of each active loan, and the decaying signals
-- (value and the date it was last brought up to), both as compact JSON on the customer's row: they are
-- read and written with the row, in the same statements (docs/risk-model.md).
ALTER TABLE customer_risk
    ADD COLUMN loans                       TEXT NOT NULL DEFAULT '[]',
    ADD COLUMN signals                     TEXT NOT NULL DEFAULT '{}',
    ADD COLUMN voluntary_challenger_score  NUMERIC(7, 6),
    ADD COLUMN voluntary_challenger_version TEXT,
    -- the business date from which the decayed signals may have moved the score enough to re-score
    ADD COLUMN rescore_due                 DATE;
CREATE INDEX customer_risk_rescore_due ON customer_risk (rescore_due) WHERE rescore_due IS NOT NULL;

-- Credit scores per bureau: two bureaus' scales are never compared.
ALTER TABLE credit_score_point ADD COLUMN bureau TEXT NOT NULL DEFAULT 'UNKNOWN';
ALTER TABLE credit_score_point DROP CONSTRAINT credit_score_point_pkey;
ALTER TABLE credit_score_point ADD PRIMARY KEY (customer_id, bureau, score_date);

-- Alerts follow the score down as well as up: how many scorings in a row (and since which business
-- date) the score has stayed below the alert's level minus the margin; the top reason last published.
ALTER TABLE churn_alert
    ADD COLUMN below_count INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN below_since DATE,
    ADD COLUMN top_reason  TEXT;

-- Champion and challenger scores side by side on every kept score point, with the business date.
ALTER TABLE score_history
    ADD COLUMN involuntary_challenger NUMERIC(7, 6),
    ADD COLUMN voluntary_challenger   NUMERIC(7, 6),
    ADD COLUMN challenger_version     TEXT,
    ADD COLUMN business_date          DATE;

-- Each input's distribution in a model's training data (mean, spread, decile bins): what the model could
-- not learn (constant inputs), the means its reasons are measured from, and the reference for PSI.
ALTER TABLE churn_model ADD COLUMN training_stats TEXT;

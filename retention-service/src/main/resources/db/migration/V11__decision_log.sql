-- Issue 15, point 3: every candidate of a decision with the figures of its expected value, so the
-- decision log says why the winner won and why each other was suppressed.
ALTER TABLE candidate
    ADD COLUMN priority             INTEGER,
    ADD COLUMN churn_type           TEXT,
    ADD COLUMN probability          NUMERIC(7, 6),
    ADD COLUMN churn_reduction      NUMERIC(5, 4),
    ADD COLUMN value_at_risk        NUMERIC(14, 2),
    ADD COLUMN value_basis          TEXT,
    ADD COLUMN interest_income_kept NUMERIC(14, 2),
    ADD COLUMN fixed_cost           NUMERIC(14, 2),
    ADD COLUMN trigger              TEXT;
CREATE INDEX candidate_held_out ON candidate (alert_id) WHERE decision = 'CONTROL_GROUP';

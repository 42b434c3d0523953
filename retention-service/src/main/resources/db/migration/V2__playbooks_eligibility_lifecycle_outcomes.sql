-- Issue 6: configurable playbooks, eligibility, approvals, contact policy, the full offer
-- lifecycle, tasks, loan and customer facts for costs and outcomes (docs/retention.md).

-- Alert cases: the alert's own time (outcome windows start there) and where the playbook stands.
ALTER TABLE alert_case
    ADD COLUMN alerted_at    TIMESTAMPTZ,
    ADD COLUMN model_version TEXT,
    ADD COLUMN status        TEXT NOT NULL DEFAULT 'OPEN',
    ADD COLUMN cleared_at    TIMESTAMPTZ,
    ADD COLUMN evaluation    TEXT NOT NULL DEFAULT 'EVALUATED',
    ADD COLUMN updated_at    TIMESTAMPTZ;
UPDATE alert_case SET alerted_at = received_at, updated_at = received_at,
    evaluation = CASE WHEN cohort = 'CONTROL' THEN 'HELD_OUT' ELSE 'EVALUATED' END;
ALTER TABLE alert_case ALTER COLUMN alerted_at SET NOT NULL, ALTER COLUMN updated_at SET NOT NULL;
CREATE INDEX alert_case_alerted ON alert_case (alerted_at);
CREATE INDEX alert_case_waiting ON alert_case (loan_id) WHERE evaluation = 'WAITING_FOR_LOAN';

-- Interventions: terms of every kind, cost and value, approvals, offers and delivery.
ALTER TABLE intervention
    ALTER COLUMN loan_id DROP NOT NULL,
    ADD COLUMN new_term_months      INTEGER,
    ADD COLUMN holiday_months       INTEGER,
    ADD COLUMN fee_waived           NUMERIC(14, 2),
    ADD COLUMN estimated_cost       NUMERIC(14, 2) NOT NULL DEFAULT 0,
    ADD COLUMN interest_income_kept NUMERIC(14, 2),
    ADD COLUMN expected_value       NUMERIC(14, 2) NOT NULL DEFAULT 0,
    ADD COLUMN churn_reduction      NUMERIC(5, 4),
    ADD COLUMN playbook_version     INTEGER,
    ADD COLUMN proposed_by          TEXT NOT NULL DEFAULT 'system',
    ADD COLUMN as_of_date           DATE,
    ADD COLUMN budget_period        TEXT,
    ADD COLUMN approval_required    BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN approved_by          TEXT,
    ADD COLUMN approved_at          TIMESTAMPTZ,
    ADD COLUMN offered_by           TEXT,
    ADD COLUMN offered_at           TIMESTAMPTZ,
    ADD COLUMN offer_channel        TEXT,
    ADD COLUMN offer_expires_at     TIMESTAMPTZ,
    ADD COLUMN delivery_detail      TEXT;
UPDATE intervention SET as_of_date = (proposed_at AT TIME ZONE 'UTC')::date,
    budget_period = to_char(proposed_at AT TIME ZONE 'UTC', 'YYYY-MM');
ALTER TABLE intervention ALTER COLUMN as_of_date SET NOT NULL, ALTER COLUMN budget_period SET NOT NULL;
CREATE INDEX intervention_budget ON intervention (budget_period, status);
CREATE INDEX intervention_offers ON intervention (customer_id, offered_at);
CREATE INDEX intervention_expiry ON intervention (offer_expires_at) WHERE status = 'OFFERED';
CREATE INDEX intervention_alert ON intervention (alert_id);

-- Who moved an intervention from which status to which, when, and why.
CREATE TABLE intervention_event (
    id              BIGSERIAL PRIMARY KEY,
    intervention_id UUID        NOT NULL REFERENCES intervention (id),
    from_status     TEXT,
    to_status       TEXT        NOT NULL,
    actor           TEXT        NOT NULL,
    at              TIMESTAMPTZ NOT NULL,
    detail          TEXT
);
CREATE INDEX intervention_event_intervention ON intervention_event (intervention_id, id);

-- Every candidate the playbook produced for an alert, proposed or not, with why.
CREATE TABLE candidate (
    id               UUID PRIMARY KEY,
    alert_id         UUID           NOT NULL REFERENCES alert_case (alert_id),
    evaluated_at     TIMESTAMPTZ    NOT NULL,
    position         INTEGER        NOT NULL,
    playbook_version INTEGER        NOT NULL,
    rule_id          TEXT           NOT NULL,
    kind             TEXT           NOT NULL,
    estimated_cost   NUMERIC(14, 2) NOT NULL,
    expected_value   NUMERIC(14, 2) NOT NULL,
    decision         TEXT           NOT NULL,
    reasons          TEXT,
    intervention_id  UUID
);
CREATE INDEX candidate_alert ON candidate (alert_id, evaluated_at, position);

-- Loan facts from loan-events: enough to estimate balance, remaining interest and state.
CREATE TABLE loan_fact (
    loan_id            UUID PRIMARY KEY,
    customer_id        UUID           NOT NULL,
    principal          NUMERIC(14, 2) NOT NULL,
    original_rate      NUMERIC(9, 6)  NOT NULL,
    annual_rate        NUMERIC(9, 6)  NOT NULL,
    term_months        INTEGER        NOT NULL,
    start_date         DATE           NOT NULL,
    installment_amount NUMERIC(14, 2) NOT NULL,
    basis_date         DATE           NOT NULL,
    basis_balance      NUMERIC(14, 2) NOT NULL,
    basis_term         INTEGER        NOT NULL,
    forbearance_until  DATE,
    delinquency_bucket TEXT,
    days_past_due      INTEGER        NOT NULL DEFAULT 0,
    closure            TEXT,
    updated_at         TIMESTAMPTZ    NOT NULL
);
CREATE INDEX loan_fact_customer ON loan_fact (customer_id);

-- Loan closures (outcomes and loss), kept even when the loan's LOAN_OPENED never arrived.
CREATE TABLE loan_closure (
    loan_id               UUID PRIMARY KEY,
    customer_id           UUID           NOT NULL,
    closure               TEXT           NOT NULL,
    closed_on             DATE           NOT NULL,
    occurred_at           TIMESTAMPTZ    NOT NULL,
    unrecovered_principal NUMERIC(14, 2) NOT NULL,
    unrecovered_interest  NUMERIC(14, 2) NOT NULL,
    interest_income_lost  NUMERIC(14, 2)
);
CREATE INDEX loan_closure_customer ON loan_closure (customer_id);

-- What customer-service told us: tier, grade, contact preferences, erasure.
CREATE TABLE customer_profile (
    customer_id       UUID PRIMARY KEY,
    customer_type     TEXT,
    tier              TEXT,
    grade             TEXT,
    preferences_known BOOLEAN     NOT NULL DEFAULT FALSE,
    do_not_contact    BOOLEAN     NOT NULL DEFAULT FALSE,
    allowed_channels  TEXT        NOT NULL DEFAULT '',
    quiet_periods     TEXT        NOT NULL DEFAULT '[]',
    erased_at         TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ NOT NULL
);

-- Tasks for people: relationship-manager calls and financial counselling.
CREATE TABLE retention_task (
    id              UUID PRIMARY KEY,
    intervention_id UUID        NOT NULL UNIQUE REFERENCES intervention (id),
    customer_id     UUID        NOT NULL,
    kind            TEXT        NOT NULL,
    owner           TEXT        NOT NULL,
    due_date        DATE        NOT NULL,
    status          TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    closed_at       TIMESTAMPTZ,
    closed_by       TEXT,
    note            TEXT,
    version         BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX retention_task_owner ON retention_task (owner, status, due_date);
CREATE INDEX retention_task_customer ON retention_task (customer_id);

-- The playbook: current rules, and every change as a new version with who, when, what.
CREATE TABLE playbook_rule (
    id         TEXT PRIMARY KEY,
    priority   INTEGER     NOT NULL,
    definition TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by TEXT        NOT NULL
);

CREATE TABLE playbook_change (
    version    INTEGER PRIMARY KEY,
    changed_at TIMESTAMPTZ NOT NULL,
    changed_by TEXT        NOT NULL,
    action     TEXT        NOT NULL,
    rule_id    TEXT,
    before     TEXT,
    after      TEXT,
    comment    TEXT,
    snapshot   TEXT        NOT NULL
);

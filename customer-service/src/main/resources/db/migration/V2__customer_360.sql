-- Customer 360: richer profile, derived values with their reasons, consent, erasure, and what this
-- service keeps of loan-service's and risk-service's events.

-- Profile: contact channels, collateral summary, erasure marker.
ALTER TABLE customer
    ADD COLUMN postal_address          TEXT,
    ADD COLUMN preferred_channel       TEXT,
    ADD COLUMN collateral_type         TEXT,
    ADD COLUMN collateral_value        NUMERIC(19, 2),
    ADD COLUMN collateral_appraised_on DATE,
    ADD COLUMN erased_at               TIMESTAMPTZ,
    ADD COLUMN erased_by               TEXT,
    ADD COLUMN erasure_reference       TEXT;

-- Derived values, stored so that lists can filter on them; `assessment` holds the inputs and the
-- rules that produced them (JSON). Written by the service in the transaction of the change, never
-- through the profile's optimistic version.
ALTER TABLE customer
    ADD COLUMN tier                TEXT,
    ADD COLUMN grade               TEXT,
    ADD COLUMN relationship_depth  TEXT,
    ADD COLUMN lifecycle_stage     TEXT,
    ADD COLUMN assessment          TEXT,
    ADD COLUMN assessed_at         TIMESTAMPTZ;

-- Listing: every filter leads an index that ends with the default order (created_at, id), so a
-- filtered page is an index range read; every sortable field has its own (field, id) index for
-- keyset paging.
DROP INDEX customer_rm;
CREATE INDEX customer_rm ON customer (relationship_manager, created_at, id);
CREATE INDEX customer_tier ON customer (tier, created_at, id);
CREATE INDEX customer_grade ON customer (grade, created_at, id);
CREATE INDEX customer_stage ON customer (lifecycle_stage, created_at, id);
CREATE INDEX customer_depth ON customer (relationship_depth, created_at, id);
CREATE INDEX customer_industry ON customer (industry, created_at, id);
CREATE INDEX customer_since ON customer (relationship_since, id);
CREATE INDEX customer_name ON customer (full_name, id);
CREATE INDEX customer_updated ON customer (updated_at, id);
-- The daily re-assessment looks for rows not assessed today.
CREATE INDEX customer_assessed ON customer (assessed_at, id);

-- Loans as loan-service's events (and core banking's repayments) describe them. A repayment can
-- arrive before its LOAN_OPENED (different topics), so principal and opening date may be unknown.
ALTER TABLE customer_loan
    ALTER COLUMN principal DROP NOT NULL,
    ALTER COLUMN opened_on DROP NOT NULL,
    ADD COLUMN annual_rate           NUMERIC(9, 6),
    ADD COLUMN term_months           INTEGER,
    ADD COLUMN installment_amount    NUMERIC(19, 2),
    ADD COLUMN maturity_date         DATE,
    ADD COLUMN outstanding           NUMERIC(19, 2),
    ADD COLUMN outstanding_as_of     DATE,
    ADD COLUMN outstanding_event_at  TIMESTAMPTZ,
    ADD COLUMN interest_paid         NUMERIC(19, 2) NOT NULL DEFAULT 0,
    ADD COLUMN repayments            INTEGER        NOT NULL DEFAULT 0,
    ADD COLUMN last_repayment_on     DATE,
    ADD COLUMN missed_payments       INTEGER        NOT NULL DEFAULT 0,
    ADD COLUMN delinquency_bucket    TEXT,
    ADD COLUMN days_past_due         INTEGER        NOT NULL DEFAULT 0,
    ADD COLUMN overdue_amount        NUMERIC(19, 2) NOT NULL DEFAULT 0,
    ADD COLUMN schedule_version      INTEGER        NOT NULL DEFAULT 1,
    ADD COLUMN last_modification     TEXT,
    ADD COLUMN forbearance_until     DATE,
    ADD COLUMN unrecovered_principal NUMERIC(19, 2),
    ADD COLUMN updated_at            TIMESTAMPTZ;
-- Rows from before this migration: the principal is the best known exposure.
UPDATE customer_loan SET outstanding = principal WHERE status = 'ACTIVE';

-- Contact preferences and consent; no row means the defaults (contact allowed on every channel).
CREATE TABLE contact_preference (
    customer_id      UUID PRIMARY KEY REFERENCES customer (id),
    do_not_contact   BOOLEAN     NOT NULL,
    allowed_channels TEXT        NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);

CREATE TABLE quiet_period (
    customer_id UUID    NOT NULL REFERENCES contact_preference (customer_id),
    position    INTEGER NOT NULL,
    from_date   DATE    NOT NULL,
    to_date     DATE    NOT NULL,
    reason      TEXT,
    PRIMARY KEY (customer_id, position),
    CHECK (from_date <= to_date)
);

-- The latest churn-risk alert per customer and churn type, from risk-service.
CREATE TABLE churn_risk (
    id            UUID PRIMARY KEY,
    customer_id   UUID          NOT NULL,
    churn_type    TEXT          NOT NULL,
    alert_id      UUID          NOT NULL,
    level         TEXT,
    score         NUMERIC(9, 4) NOT NULL,
    reasons       TEXT,
    model_version TEXT,
    loan_id       UUID,
    status        TEXT          NOT NULL,
    raised_at     TIMESTAMPTZ,
    cleared_at    TIMESTAMPTZ,
    last_event_at TIMESTAMPTZ   NOT NULL,
    UNIQUE (customer_id, churn_type)
);

CREATE TABLE customer (
    id                   UUID PRIMARY KEY,
    external_ref         TEXT UNIQUE,
    customer_type        TEXT        NOT NULL,
    full_name            TEXT        NOT NULL,
    national_id          TEXT        NOT NULL UNIQUE,
    email                TEXT,
    phone                TEXT,
    industry             TEXT,
    annual_income        NUMERIC(19, 2),
    relationship_since   DATE        NOT NULL,
    relationship_manager TEXT,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    version              BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX customer_created ON customer (created_at, id);
CREATE INDEX customer_rm ON customer (relationship_manager);

CREATE TABLE credit_score (
    id          UUID PRIMARY KEY,
    customer_id UUID        NOT NULL REFERENCES customer (id),
    bureau      TEXT        NOT NULL,
    score       INTEGER     NOT NULL,
    score_date  DATE        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    UNIQUE (customer_id, bureau, score_date)
);
CREATE INDEX credit_score_customer ON credit_score (customer_id, score_date DESC);

CREATE TABLE contact (
    id           UUID PRIMARY KEY,
    customer_id  UUID        NOT NULL REFERENCES customer (id),
    kind         TEXT        NOT NULL,
    topic        TEXT        NOT NULL,
    channel      TEXT        NOT NULL,
    satisfaction INTEGER,
    outcome      TEXT,
    logged_by    TEXT        NOT NULL,
    contact_date DATE        NOT NULL,
    logged_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX contact_customer ON contact (customer_id, contact_date DESC);

-- What this service keeps of loan-service's events: enough for exposure and products held.
CREATE TABLE customer_loan (
    loan_id     UUID PRIMARY KEY,
    customer_id UUID           NOT NULL,
    principal   NUMERIC(19, 2) NOT NULL,
    status      TEXT           NOT NULL,
    opened_on   DATE           NOT NULL,
    closed_on   DATE
);
CREATE INDEX customer_loan_customer ON customer_loan (customer_id);

-- The loan book's business date as this service last saw it (from BUSINESS_DATE_CHANGED and from the
-- businessDate of loan-service's events). One row; it only moves forward. No row: no business date
-- known yet, the wall clock (UTC) stands in.
CREATE TABLE business_date (
    id         SMALLINT PRIMARY KEY CHECK (id = 1),
    current    DATE        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- The business date a customer's stored tier, grade, depth and stage were computed for: when the
-- book's date moves past it, the re-assessment job recomputes the customer.
ALTER TABLE customer ADD COLUMN assessed_on DATE;
CREATE INDEX customer_assessed_on ON customer (assessed_on, id);

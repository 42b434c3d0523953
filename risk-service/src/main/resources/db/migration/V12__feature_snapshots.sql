-- Point in time: each customer's learned-model inputs as they were at the end of each business date it was
-- scored on (written by its first batch of a later date), so that training joins a label with the features
-- at the prediction date instead of today's (where the outcome has already leaked in).
-- snapshot_on: the business date the customer was last scored on.
CREATE TABLE feature_snapshot (
    customer_id UUID             NOT NULL,
    as_of       DATE             NOT NULL,
    vector      DOUBLE PRECISION[] NOT NULL,
    PRIMARY KEY (customer_id, as_of)
);
ALTER TABLE customer_risk ADD COLUMN snapshot_on DATE;

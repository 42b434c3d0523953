-- Issue 16 point 5: loan-service books loans only for customers it knows from customer-service's
-- customer-events (CUSTOMER_REGISTERED) and not erased since (CUSTOMER_ERASED).
CREATE TABLE known_customer (
    customer_id   UUID PRIMARY KEY,
    -- null when only the erasure was seen (erased before this projection saw the registration)
    registered_at TIMESTAMPTZ,
    erased_at     TIMESTAMPTZ,
    -- the event that made it known (CUSTOMER_REGISTERED, CUSTOMER_ERASED), or LOAN_BOOK for the
    -- customers of loans booked before this projection existed (their registration may have left
    -- the topic with its retention)
    known_from    TEXT        NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

INSERT INTO known_customer (customer_id, registered_at, known_from)
SELECT customer_id, min(created_at), 'LOAN_BOOK' FROM (
    SELECT customer_id, created_at FROM loan
    UNION ALL
    SELECT customer_id, created_at FROM loan_application
) booked
GROUP BY customer_id;

-- Issue 16 (operations): a payoff quote publishes PAYOFF_QUOTED once per loan, user and business
-- date; risk-service counts quotes, so a user refreshing the page must not count as ten inquiries.
CREATE TABLE payoff_quote_published (
    loan_id       UUID        NOT NULL REFERENCES loan (id),
    requested_by  TEXT        NOT NULL,
    business_date DATE        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (loan_id, requested_by, business_date)
);

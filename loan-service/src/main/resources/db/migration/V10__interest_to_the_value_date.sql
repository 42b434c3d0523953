-- Issue 16 (money): interest to the value date, conservation on modifications, credit balances,
-- reversals and recoveries.

-- Interest earned but carried on an installment not yet due (arrears interest deferred by an
-- extension, interest accrued before a re-pricing): owed in a payoff on any date. The rest of the
-- installment's interest accrues by day from accrual_start (null: the due date of the installment
-- before it, or the loan's start) to its due date.
ALTER TABLE installment
    ADD COLUMN interest_earned NUMERIC(19, 2) NOT NULL DEFAULT 0,
    ADD COLUMN accrual_start   DATE;

-- What a modification waived explicitly (earned interest or fees the customer no longer owes).
ALTER TABLE loan_modification
    ADD COLUMN concession NUMERIC(19, 2) NOT NULL DEFAULT 0 CHECK (concession >= 0);

-- Cash as it comes: what a payment brought above the payoff amount is kept for the customer
-- (refunded through the API); recoveries after a charge-off.
ALTER TABLE loan
    ADD COLUMN credit_balance NUMERIC(19, 2) NOT NULL DEFAULT 0 CHECK (credit_balance >= 0),
    ADD COLUMN recovered      NUMERIC(19, 2) NOT NULL DEFAULT 0 CHECK (recovered >= 0);
ALTER TABLE repayment
    ADD COLUMN to_credit NUMERIC(19, 2) NOT NULL DEFAULT 0;

-- Erasure forced past the retention rules by a privacy officer: who, why, and which rule was overridden.
ALTER TABLE customer
    ADD COLUMN erasure_forced_by        TEXT,
    ADD COLUMN erasure_force_reason     TEXT,
    ADD COLUMN erasure_overridden_rule  TEXT;

-- Recovered on a charged-off loan (LOAN_RECOVERY_RECEIVED's running total): what is still owed is the
-- unrecovered principal and interest of LOAN_CLOSED minus it.
ALTER TABLE customer_loan
    ADD COLUMN recovered            NUMERIC(19, 2) NOT NULL DEFAULT 0,
    ADD COLUMN unrecovered_interest NUMERIC(19, 2);

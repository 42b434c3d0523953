package com.lendkeep.customer.domain;

/** The customer's contribution to the lender, best first. */
public enum Tier {
    GOLD, SILVER, STANDARD
}

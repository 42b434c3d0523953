package com.lendkeep.customer.domain;

/** How much an industry's revenues swing with the economy; VOLATILE lowers the credit-risk grade. */
public enum VolatilityClass {
    STABLE, MODERATE, VOLATILE
}

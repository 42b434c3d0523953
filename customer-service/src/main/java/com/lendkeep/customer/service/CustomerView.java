package com.lendkeep.customer.service;

import com.lendkeep.customer.domain.Customer;
import com.lendkeep.customer.domain.rules.CustomerAssessment;

/** A customer with its derived values; the assessment is null only before the first assessment. */
public record CustomerView(Customer customer, CustomerAssessment assessment) {
}

package com.lendkeep.customer.mapping;

import com.lendkeep.customer.api.ContactResponse;
import com.lendkeep.customer.api.CreditScoreResponse;
import com.lendkeep.customer.api.CustomerRequest;
import com.lendkeep.customer.api.CustomerResponse;
import com.lendkeep.customer.domain.Contact;
import com.lendkeep.customer.domain.CreditScore;
import com.lendkeep.customer.domain.Customer;

/** The one place where entities become API models and back. */
public final class CustomerMapper {
    private CustomerMapper() {
    }

    public static void apply(CustomerRequest r, Customer c) {
        c.externalRef = r.externalRef();
        c.type = r.type();
        c.fullName = r.fullName().strip();
        c.nationalId = r.nationalId().strip().toUpperCase();
        c.email = r.email();
        c.phone = r.phone();
        c.industry = r.industry() == null ? null : r.industry().strip().toUpperCase();
        c.annualIncome = r.annualIncome();
        c.relationshipSince = r.relationshipSince();
        c.relationshipManager = r.relationshipManager();
    }

    public static CustomerResponse toResponse(Customer c) {
        return new CustomerResponse(c.id, c.externalRef, c.type, c.fullName, c.nationalId, c.email, c.phone, c.industry,
                c.annualIncome, c.relationshipSince, c.relationshipManager, c.createdAt, c.updatedAt);
    }

    public static CreditScoreResponse toResponse(CreditScore s, String effect) {
        return new CreditScoreResponse(s.id, s.bureau, s.score, s.scoreDate, s.receivedAt, effect);
    }

    public static ContactResponse toResponse(Contact c) {
        return new ContactResponse(c.id, c.kind, c.topic, c.channel, c.satisfaction, c.outcome, c.loggedBy, c.contactDate, c.loggedAt);
    }
}

package com.lendkeep.customer.mapping;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.customer.api.ContactPreferencesResponse;
import com.lendkeep.customer.api.ContactResponse;
import com.lendkeep.customer.api.CreditScoreResponse;
import com.lendkeep.customer.api.CustomerOverview;
import com.lendkeep.customer.api.CustomerRequest;
import com.lendkeep.customer.api.CustomerResponse;
import com.lendkeep.customer.api.CustomerSummary;
import com.lendkeep.customer.config.CustomerConfig;
import com.lendkeep.customer.domain.ChurnRisk;
import com.lendkeep.customer.domain.Contact;
import com.lendkeep.customer.domain.ContactPreference;
import com.lendkeep.customer.domain.CreditScore;
import com.lendkeep.customer.domain.Customer;
import com.lendkeep.customer.domain.CustomerLoan;
import com.lendkeep.customer.domain.rules.CustomerAssessment;
import com.lendkeep.customer.domain.rules.GradeRule;
import com.lendkeep.customer.service.CustomerView;

/** The one place where entities become API models and back. */
@ApplicationScoped
public class CustomerMapper {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final ObjectMapper json;
    private final CustomerConfig config;

    public CustomerMapper(ObjectMapper json, CustomerConfig config) {
        this.json = json;
        this.config = config;
    }

    /** "Real estate" and "real-estate" are the same industry: REAL_ESTATE. */
    public static String normalizeIndustry(String industry) {
        if (industry == null) {
            return null;
        }
        String normalized = industry.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
        return normalized.isEmpty() ? null : normalized;
    }

    public static String normalizeNationalId(String nationalId) {
        return nationalId.strip().toUpperCase(Locale.ROOT);
    }

    public void apply(CustomerRequest r, Customer c) {
        c.externalRef = blankToNull(r.externalRef());
        c.type = r.type();
        c.fullName = r.fullName().strip();
        c.nationalId = normalizeNationalId(r.nationalId());
        c.email = blankToNull(r.email());
        c.phone = blankToNull(r.phone());
        c.postalAddress = blankToNull(r.postalAddress());
        c.preferredChannel = r.preferredChannel();
        c.industry = normalizeIndustry(r.industry());
        c.annualIncome = r.annualIncome();
        c.collateralType = r.collateral() == null ? null : r.collateral().type();
        c.collateralValue = r.collateral() == null ? null : r.collateral().appraisedValue();
        c.collateralAppraisedOn = r.collateral() == null ? null : r.collateral().appraisedOn();
        c.relationshipSince = r.relationshipSince();
        c.relationshipManager = blankToNull(r.relationshipManager());
    }

    public CustomerResponse toResponse(Customer c) {
        return toResponse(new CustomerView(c, assessment(c)));
    }

    public CustomerResponse toResponse(CustomerView view) {
        Customer c = view.customer();
        CustomerAssessment a = view.assessment();
        CustomerResponse.Collateral collateral = c.collateralType == null ? null
                : new CustomerResponse.Collateral(c.collateralType, c.collateralValue, c.collateralAppraisedOn);
        return new CustomerResponse(c.id, c.externalRef, c.type, c.fullName, c.nationalId, c.email, c.phone, c.postalAddress,
                c.preferredChannel, c.industry, GradeRule.volatility(c.industry, config.industry()), c.annualIncome, collateral,
                c.relationshipSince, c.relationshipManager, c.erased(), c.erasedAt, c.createdAt, c.updatedAt, c.version,
                a == null ? null : a.tier(), a == null ? null : a.grade(), a == null ? null : a.relationshipDepth(),
                a == null ? null : a.lifecycleStage(), a == null ? null : a.asOf());
    }

    public CustomerSummary toSummary(Customer c) {
        return new CustomerSummary(c.id, c.externalRef, c.type, c.fullName, c.industry, c.relationshipManager, c.relationshipSince,
                c.tier, c.grade, c.relationshipDepth, c.lifecycleStage, c.erased(), c.createdAt, c.updatedAt, c.version);
    }

    /** The stored assessment of a customer, or null if it was never assessed. */
    public CustomerAssessment assessment(Customer c) {
        if (c.assessment == null) {
            return null;
        }
        try {
            return json.readValue(c.assessment, CustomerAssessment.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored assessment of customer " + c.id + " cannot be read", e);
        }
    }

    public String write(CustomerAssessment assessment) {
        try {
            return json.writeValueAsString(assessment);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("assessment cannot be serialized", e);
        }
    }

    /** The response as the REST layer writes it (same ObjectMapper), for the read cache. */
    public byte[] toJson(CustomerResponse response) {
        try {
            return json.writeValueAsBytes(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("customer " + response.id() + " cannot be serialized", e);
        }
    }

    public String writeReasons(List<String> reasons) {
        try {
            return json.writeValueAsString(reasons);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reasons cannot be serialized", e);
        }
    }

    public CreditScoreResponse toResponse(CreditScore s, String effect) {
        return new CreditScoreResponse(s.id, s.bureau, s.score, s.scoreDate, s.receivedAt, effect);
    }

    public ContactResponse toResponse(Contact c) {
        return new ContactResponse(c.id, c.kind, c.topic, c.channel, c.satisfaction, c.outcome, c.loggedBy, c.contactDate, c.loggedAt);
    }

    public ContactPreferencesResponse toResponse(ContactPreference p, LocalDate today) {
        List<ContactPreferencesResponse.QuietPeriod> periods = p.quietPeriods.stream()
                .map(q -> new ContactPreferencesResponse.QuietPeriod(q.from, q.to, q.reason)).toList();
        boolean quietToday = p.quietPeriods.stream().anyMatch(q -> !today.isBefore(q.from) && !today.isAfter(q.to));
        List<Contact.Channel> channels = List.copyOf(p.channels());
        return new ContactPreferencesResponse(p.customerId, p.doNotContact, channels, periods,
                !p.doNotContact && !channels.isEmpty() && !quietToday, p.updatedAt);
    }

    /** @param asOf the business date: days past due grow with it between events, as loan-service's do */
    public CustomerOverview.LoanStatus toResponse(CustomerLoan l, LocalDate asOf) {
        return new CustomerOverview.LoanStatus(l.loanId, l.status, l.principal, l.outstanding, l.interestPaid, l.annualRate,
                l.termMonths, l.openedOn, l.maturityDate, l.closedOn, l.repayments, l.lastRepaymentOn, l.missedPayments,
                l.delinquencyBucket, l.daysPastDue(asOf), l.overdueAmount, l.scheduleVersion, l.lastModification, l.forbearanceUntil,
                l.unrecoveredPrincipal);
    }

    public CustomerOverview.ChurnRiskStatus toResponse(ChurnRisk r) {
        List<String> reasons;
        try {
            reasons = r.reasons == null ? List.of() : json.readValue(r.reasons, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored churn reasons cannot be read", e);
        }
        return new CustomerOverview.ChurnRiskStatus(r.churnType, r.status.name(), r.level, r.score, reasons, r.modelVersion,
                r.alertId, r.loanId, r.raisedAt, r.clearedAt, r.lastEventAt);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

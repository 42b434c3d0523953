package com.lendkeep.customer.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.lendkeep.customer.api.ErasureRequest;
import com.lendkeep.customer.config.CustomerConfig;
import com.lendkeep.customer.domain.Customer;
import com.lendkeep.customer.repository.ContactRepository;
import com.lendkeep.customer.repository.CustomerLoanRepository;
import com.lendkeep.customer.repository.CustomerRepository;
import com.lendkeep.platform.events.EventType;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.outbox.Outbox;
import com.lendkeep.platform.rest.ApiException;

import io.quarkus.logging.Log;

/**
 * Right to erasure: personal data is replaced by pseudonyms derived from the customer id (no key
 * to the person is kept here), financial records stay, and CUSTOMER_ERASED tells the other
 * services to drop what personal data they hold.
 */
@ApplicationScoped
@Transactional
public class ErasureService {

    public static final String ERASED_TEXT = "[erased]";

    public record Erasure(Customer customer, boolean alreadyErased) {
    }

    /** What pseudonymization touches and what it keeps; also the receipt the API returns. */
    public static final List<String> PSEUDONYMIZED = List.of("fullName (pseudonym)", "nationalId (pseudonym)", "externalRef (removed)",
            "email (removed)", "phone (removed)", "postalAddress (removed)", "contact log free text (outcome)",
            "quiet-period reasons", "contact outcomes in events written before notes left the events, not yet purged from the outbox");
    public static final List<String> RETAINED = List.of("customer id, type, relationship dates, income and collateral (credit file)",
            "loans, repayments and their amounts (accounting and anti-money-laundering retention)",
            "credit-score history (basis of credit decisions)", "contact log facts: date, kind, topic, channel, satisfaction",
            "tier, grade and their reasons (no personal data)");

    private final CustomerRepository customers;
    private final CustomerLoanRepository loans;
    private final ContactRepository contacts;
    private final ContactPreferenceService preferences;
    private final Outbox outbox;
    private final EntityManager em;
    private final BusinessDateService businessDate;
    private final ErasureRules rules;

    public ErasureService(CustomerRepository customers, CustomerLoanRepository loans, ContactRepository contacts,
            ContactPreferenceService preferences, Outbox outbox, EntityManager em, BusinessDateService businessDate,
            CustomerConfig config) {
        this.businessDate = businessDate;
        this.rules = new ErasureRules(config.erasure().retentionPeriod());
        this.customers = customers;
        this.loans = loans;
        this.contacts = contacts;
        this.preferences = preferences;
        this.outbox = outbox;
        this.em = em;
    }

    /**
     * Erases the customer's personal data. Refused (409, with the reason) while money is owed or within
     * the retention period after the last loan closed ({@link ErasureRules}), unless {@code mayForce} (the
     * privacy-officer role) and the request forces it with a reason: then the overridden rule, the reason
     * and the user are kept with the erasure. Erasing an erased customer changes nothing.
     */
    public Erasure erase(UUID customerId, ErasureRequest request, String user, boolean mayForce) {
        if (request.forced() && !mayForce) {
            throw ApiException.forbidden("forcing an erasure past the retention rules needs the privacy-officer role");
        }
        if (request.forced() && (request.forceReason() == null || request.forceReason().isBlank())) {
            throw ApiException.badRequest("forceReason", "forceReason is required with force: say why the retention rules are overridden");
        }
        Customer customer = customers.lock(customerId).orElseThrow(() -> ApiException.notFound("customer", customerId));
        if (customer.erased()) {
            return new Erasure(customer, true);
        }
        Optional<String> refusal = rules.refusal(loans.forCustomer(customerId), businessDate.today().date());
        if (refusal.isPresent() && !request.forced()) {
            throw ApiException.conflict("personal data must be kept: " + refusal.get()
                    + "; a privacy officer may force the erasure with a reason");
        }
        if (refusal.isPresent()) {
            customer.erasureOverriddenRule = refusal.get();
            customer.erasureForceReason = request.forceReason().strip();
            customer.erasureForcedBy = user;
            // ids only: the reason is free text
            Log.infof("erasure of customer %s forced by %s past a retention rule", customerId, user);
        }
        customer.fullName = "Erased customer " + customerId.toString().substring(0, 8);
        customer.nationalId = "ERASED-" + customerId;
        customer.externalRef = null;
        customer.email = null;
        customer.phone = null;
        customer.postalAddress = null;
        customer.preferredChannel = null;
        customer.erasedAt = Instant.now();
        customer.erasedBy = user;
        customer.erasureReference = request.requestReference();
        customer.updatedAt = customer.erasedAt;
        contacts.eraseFreeText(customerId, ERASED_TEXT);
        preferences.withdrawAll(customerId);
        scrubOutbox(customerId);
        outbox.publish(EventType.CUSTOMER_ERASED, customerId, new Payloads.CustomerErased(customer.erasedAt));
        return new Erasure(customer, false);
    }

    /**
     * Events already written keep their payload until purged (7 days): the free text in them (the
     * contact outcome of CONTACT_LOGGED) is replaced too. Identity fields never go into events, and
     * quiet-period reasons are not published.
     */
    private void scrubOutbox(UUID customerId) {
        em.flush();
        em.createNativeQuery("UPDATE outbox_event SET payload = CAST(jsonb_set(CAST(payload AS jsonb), ARRAY['data', 'outcome'], "
                + "to_jsonb(CAST(?1 AS text))) AS text) WHERE message_key = ?2 AND event_type = 'CONTACT_LOGGED' "
                + "AND jsonb_typeof(CAST(payload AS jsonb) #> ARRAY['data', 'outcome']) = 'string'")
                .setParameter(1, ERASED_TEXT).setParameter(2, customerId.toString()).executeUpdate();
    }
}

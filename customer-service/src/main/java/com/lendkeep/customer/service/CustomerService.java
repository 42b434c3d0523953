package com.lendkeep.customer.service;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import com.lendkeep.customer.api.ContactRequest;
import com.lendkeep.customer.api.CreditScoreRequest;
import com.lendkeep.customer.api.CustomerRequest;
import com.lendkeep.customer.config.CustomerConfig;
import com.lendkeep.customer.domain.Contact;
import com.lendkeep.customer.domain.CreditScore;
import com.lendkeep.customer.domain.Customer;
import com.lendkeep.customer.mapping.CustomerMapper;
import com.lendkeep.customer.repository.ContactRepository;
import com.lendkeep.customer.repository.CreditScoreRepository;
import com.lendkeep.customer.repository.CustomerListing;
import com.lendkeep.customer.repository.CustomerRepository;
import com.lendkeep.platform.Failures;
import com.lendkeep.platform.events.EventType;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.outbox.Outbox;
import com.lendkeep.platform.rest.ApiException;

@ApplicationScoped
@Transactional
public class CustomerService {

    /** What a posted credit score did; see README.md for the rules. */
    public enum ScoreEffect { NEW_LATEST, HISTORICAL, DUPLICATE }

    public record ScoreResult(CreditScore score, ScoreEffect effect) {
    }

    /**
     * The version a PUT was based on.
     *
     * @param version    null with {@code If-Match: *} (any version)
     * @param fromHeader true when it came from If-Match (a mismatch is then 412, otherwise 409)
     */
    public record Precondition(Long version, boolean fromHeader) {
    }

    public record Listing(List<Customer> items, long total, UUID nextAfter) {
    }

    private final CustomerRepository customers;
    private final CustomerListing listing;
    private final CreditScoreRepository scores;
    private final ContactRepository contacts;
    private final AssessmentService assessments;
    private final CustomerMapper mapper;
    private final Outbox outbox;
    private final BusinessDateService businessDate;
    private final int maxOffset;

    public CustomerService(CustomerRepository customers, CustomerListing listing, CreditScoreRepository scores,
            ContactRepository contacts, AssessmentService assessments, CustomerMapper mapper, Outbox outbox, CustomerConfig config,
            BusinessDateService businessDate) {
        this.maxOffset = config.list().maxOffset();
        this.businessDate = businessDate;
        this.customers = customers;
        this.listing = listing;
        this.scores = scores;
        this.contacts = contacts;
        this.assessments = assessments;
        this.mapper = mapper;
        this.outbox = outbox;
    }

    /** Registers a customer, emits CUSTOMER_REGISTERED and its first tier and grade. */
    public CustomerView register(CustomerRequest request) {
        requireProfileDates(request);
        Customer customer = new Customer();
        mapper.apply(request, customer);
        requireUnique(customer);
        customer.id = UUID.randomUUID();
        customer.createdAt = Instant.now();
        customer.updatedAt = customer.createdAt;
        customers.persist(customer);
        flushProfile(customer);
        outbox.publish(EventType.CUSTOMER_REGISTERED, customer.id,
                new Payloads.CustomerRegistered(customer.id, customer.type.name(), null, customer.relationshipSince));
        return new CustomerView(customer, assessments.reassess(customer));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Customer get(UUID id) {
        return customers.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("customer", id));
    }

    /**
     * Replaces the profile when the caller read the current version. Emits no event of its own (the
     * profile is personal data); a change of tier or grade it causes is emitted as usual.
     */
    public CustomerView update(UUID id, CustomerRequest request, Precondition precondition) {
        requireProfileDates(request);
        Customer customer = lockWritable(id);
        if (precondition.version() != null && precondition.version() != customer.version) {
            String detail = "version " + precondition.version() + " is not the current version " + customer.version
                    + "; read the customer again and re-apply the change";
            throw precondition.fromHeader() ? new ApiException(412, "Precondition Failed", detail, "If-Match")
                    : new ApiException(409, "Conflict", detail, "version");
        }
        Customer candidate = new Customer();
        mapper.apply(request, candidate);
        candidate.id = customer.id;
        requireUnique(candidate);
        mapper.apply(request, customer);
        customer.updatedAt = Instant.now();
        flushProfile(customer);
        return new CustomerView(customer, assessments.reassess(customer));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Listing list(CustomerListing.Filter filter, CustomerListing.Sort sort, int page, int size, UUID after) {
        if (after != null && page > 0) {
            throw ApiException.badRequest("page", "use either page or after, not both");
        }
        if (after == null && (long) page * size > maxOffset) {
            throw ApiException.badRequest("page", "offset paging reaches the first " + maxOffset + " customers (page x size); "
                    + "to read further, page by keyset: pass the previous page's nextAfter as after");
        }
        if (after != null && customers.findByIdOptional(after).isEmpty()) {
            throw ApiException.badRequest("after", "after must be the id of a listed customer (the nextAfter of the previous page)");
        }
        // one row more than asked tells whether there is a next page
        List<Customer> rows = listing.page(filter, sort, after, after == null ? page * size : 0, size + 1);
        boolean more = rows.size() > size;
        List<Customer> items = more ? rows.subList(0, size) : rows;
        return new Listing(items, listing.count(filter), more ? items.get(items.size() - 1).id : null);
    }

    /**
     * Records a bureau score. The history keeps every (bureau, date); a repeat of a known
     * (bureau, date, score) changes nothing and emits nothing; a score dated before the latest one is
     * history only; only a score that becomes the latest emits CREDIT_SCORE_CHANGED, with the change
     * against the same bureau's previous score (bureaus score on different scales: EQUIFAX 760 then
     * EXPERIAN 690 is no fall of 70), and re-assesses the grade.
     */
    public ScoreResult recordCreditScore(UUID customerId, CreditScoreRequest request) {
        int value = wholeScore(request);
        businessDate.requireNotAfterToday("scoreDate", request.scoreDate());
        Customer customer = lockWritable(customerId);
        String bureau = request.bureau().strip().toUpperCase(Locale.ROOT);
        var existing = scores.find(customerId, bureau, request.scoreDate());
        if (existing.isPresent()) {
            if (existing.get().score == value) {
                return new ScoreResult(existing.get(), ScoreEffect.DUPLICATE);
            }
            throw new ApiException(409, "Conflict", "bureau " + bureau + " already reported score " + existing.get().score
                    + " for " + request.scoreDate() + "; a correction must use a new date", "score");
        }
        var previous = scores.latest(customerId);
        var previousOfBureau = scores.latest(customerId, bureau);
        CreditScore score = new CreditScore();
        score.id = UUID.randomUUID();
        score.customerId = customerId;
        score.bureau = bureau;
        score.score = value;
        score.scoreDate = request.scoreDate();
        score.receivedAt = Instant.now();
        scores.persist(score);
        if (previous.isPresent() && previous.get().scoreDate.isAfter(score.scoreDate)) {
            return new ScoreResult(score, ScoreEffect.HISTORICAL);
        }
        Integer old = previousOfBureau.map(p -> p.score).orElse(null);
        outbox.publish(EventType.CREDIT_SCORE_CHANGED, customerId, new Payloads.CreditScoreChanged(
                bureau, old, score.score, old == null ? null : score.score - old, score.scoreDate));
        scores.flush();
        assessments.reassess(customer);
        return new ScoreResult(score, ScoreEffect.NEW_LATEST);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CreditScore> creditScores(UUID customerId) {
        get(customerId);
        return scores.history(customerId);
    }

    /**
     * Logs a contact by {@code user} (the token's: nobody signs for someone else), emits CONTACT_LOGGED and
     * re-assesses (contact frequency is part of the relationship depth).
     */
    public Contact logContact(UUID customerId, ContactRequest request, String user) {
        if (request.loggedBy() != null) {
            throw ApiException.badRequest("loggedBy", "loggedBy is not accepted: the contact is recorded as logged by the "
                    + "token's user (" + user + "); leave the field out");
        }
        businessDate.requireNotAfterToday("contactDate", request.contactDate());
        Customer customer = lockWritable(customerId);
        Contact contact = new Contact();
        contact.id = UUID.randomUUID();
        contact.customerId = customerId;
        contact.kind = request.kind();
        contact.topic = request.topic();
        contact.channel = request.channel();
        contact.satisfaction = request.satisfaction();
        contact.outcome = request.outcome();
        contact.loggedBy = user;
        contact.contactDate = request.contactDate();
        contact.loggedAt = Instant.now();
        contacts.persist(contact);
        // the note is personal free text: it stays in the contact log (erasable); the event only says there is one
        outbox.publish(EventType.CONTACT_LOGGED, customerId, new Payloads.ContactLogged(contact.id, contact.kind.name(),
                contact.topic.name(), contact.channel.name(), contact.satisfaction, null, contact.contactDate,
                contact.outcome != null && !contact.outcome.isBlank()));
        contacts.flush();
        assessments.reassess(customer);
        return contact;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Contact> contacts(UUID customerId) {
        get(customerId);
        return contacts.forCustomer(customerId);
    }

    /**
     * A score is a whole number on the bureau's scale: 700.5 is refused, not stored as 700 (JSON
     * numbers are read exactly; the range is checked by the request's constraints).
     */
    private static int wholeScore(CreditScoreRequest request) {
        try {
            return request.score().stripTrailingZeros().intValueExact();
        } catch (ArithmeticException e) {
            throw ApiException.badRequest("score", "score must be a whole number from 300 to 900, was " + request.score().toPlainString());
        }
    }

    private void requireProfileDates(CustomerRequest request) {
        businessDate.requireNotAfterToday("relationshipSince", request.relationshipSince());
        if (request.collateral() != null) {
            businessDate.requireNotAfterToday("collateral.appraisedOn", request.collateral().appraisedOn());
        }
    }

    /** Locks a customer that may still be changed: it exists and was not erased. */
    Customer lockWritable(UUID id) {
        Customer customer = customers.lock(id).orElseThrow(() -> ApiException.notFound("customer", id));
        if (customer.erased()) {
            throw ApiException.unprocessable("customer " + id + " was erased: its data can no longer be changed");
        }
        return customer;
    }

    /**
     * The id of the customer holding a natural key that {@link NaturalKeyTaken} reported, read in a
     * transaction of its own (the failed write's cannot read any more); empty if it is gone again.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public java.util.Optional<UUID> holderOf(NaturalKeyTaken taken) {
        var holder = "externalRef".equals(taken.field()) ? customers.findByExternalRef(taken.value())
                : customers.findByNationalId(taken.value());
        return holder.map(c -> c.id);
    }

    private void requireUnique(Customer candidate) {
        customers.findByNationalId(candidate.nationalId).filter(other -> !other.id.equals(candidate.id)).ifPresent(other -> {
            throw new NaturalKeyTaken("nationalId", candidate.nationalId);
        });
        if (candidate.externalRef != null) {
            customers.findByExternalRef(candidate.externalRef).filter(other -> !other.id.equals(candidate.id)).ifPresent(other -> {
                throw new NaturalKeyTaken("externalRef", candidate.externalRef);
            });
        }
    }

    /** Two requests racing past {@link #requireUnique} meet the unique index: still a 409, never a 500 that logs the value. */
    private void flushProfile(Customer candidate) {
        try {
            customers.flush();
        } catch (PersistenceException e) {
            var violation = Failures.findCause(e, org.hibernate.exception.ConstraintViolationException.class);
            if (violation == null || violation.getConstraintName() == null) {
                throw e;
            }
            throw violation.getConstraintName().contains("external_ref") ? new NaturalKeyTaken("externalRef", candidate.externalRef)
                    : new NaturalKeyTaken("nationalId", candidate.nationalId);
        }
    }
}

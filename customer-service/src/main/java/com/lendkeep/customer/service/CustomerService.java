package com.lendkeep.customer.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.lendkeep.customer.api.ContactRequest;
import com.lendkeep.customer.api.CreditScoreRequest;
import com.lendkeep.customer.api.CustomerRequest;
import com.lendkeep.customer.domain.Contact;
import com.lendkeep.customer.domain.CreditScore;
import com.lendkeep.customer.domain.Customer;
import com.lendkeep.customer.mapping.CustomerMapper;
import com.lendkeep.customer.repository.ContactRepository;
import com.lendkeep.customer.repository.CreditScoreRepository;
import com.lendkeep.customer.repository.CustomerRepository;
import com.lendkeep.platform.events.EventType;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.outbox.Outbox;
import com.lendkeep.platform.rest.ApiException;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
@Transactional
public class CustomerService {

    /** What a posted credit score did; see docs/events.md for the rules. */
    public enum ScoreEffect { NEW_LATEST, HISTORICAL, DUPLICATE }

    public record ScoreResult(CreditScore score, ScoreEffect effect) {
    }

    private final CustomerRepository customers;
    private final CreditScoreRepository scores;
    private final ContactRepository contacts;
    private final Outbox outbox;

    public CustomerService(CustomerRepository customers, CreditScoreRepository scores, ContactRepository contacts, Outbox outbox) {
        this.customers = customers;
        this.scores = scores;
        this.contacts = contacts;
        this.outbox = outbox;
    }

    public Customer register(CustomerRequest request) {
        Customer customer = new Customer();
        CustomerMapper.apply(request, customer);
        if (customers.findByNationalId(customer.nationalId).isPresent()) {
            throw new ApiException(409, "Conflict", "a customer with this nationalId already exists", "nationalId");
        }
        if (customer.externalRef != null && customers.findByExternalRef(customer.externalRef).isPresent()) {
            throw new ApiException(409, "Conflict", "a customer with this externalRef already exists", "externalRef");
        }
        customer.id = UUID.randomUUID();
        customer.createdAt = Instant.now();
        customer.updatedAt = customer.createdAt;
        customers.persist(customer);
        outbox.publish(EventType.CUSTOMER_REGISTERED, customer.id,
                new Payloads.CustomerRegistered(customer.id, customer.type.name(), null, customer.relationshipSince));
        return customer;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Customer get(UUID id) {
        return customers.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("customer", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Customer> list(int page, int size) {
        return customers.findAll(Sort.ascending("createdAt", "id")).page(Page.of(page, size)).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count() {
        return customers.count();
    }

    /**
     * Records a bureau score. The history keeps every (bureau, date); a repeat of a known
     * (bureau, date, score) changes nothing; a score dated before the latest one is history only;
     * only a score that becomes the latest emits CREDIT_SCORE_CHANGED, with the change against the
     * previous latest score (from any bureau).
     */
    public ScoreResult recordCreditScore(UUID customerId, CreditScoreRequest request) {
        get(customerId);
        String bureau = request.bureau().strip().toUpperCase();
        var existing = scores.find(customerId, bureau, request.scoreDate());
        if (existing.isPresent()) {
            if (existing.get().score == request.score()) {
                return new ScoreResult(existing.get(), ScoreEffect.DUPLICATE);
            }
            throw new ApiException(409, "Conflict", "bureau " + bureau + " already reported score " + existing.get().score
                    + " for " + request.scoreDate() + "; a correction must use a new date", "score");
        }
        var previous = scores.latest(customerId);
        CreditScore score = new CreditScore();
        score.id = UUID.randomUUID();
        score.customerId = customerId;
        score.bureau = bureau;
        score.score = request.score();
        score.scoreDate = request.scoreDate();
        score.receivedAt = Instant.now();
        scores.persist(score);
        if (previous.isPresent() && previous.get().scoreDate.isAfter(score.scoreDate)) {
            return new ScoreResult(score, ScoreEffect.HISTORICAL);
        }
        Integer old = previous.map(p -> p.score).orElse(null);
        outbox.publish(EventType.CREDIT_SCORE_CHANGED, customerId, new Payloads.CreditScoreChanged(
                bureau, old, score.score, old == null ? null : score.score - old, score.scoreDate));
        return new ScoreResult(score, ScoreEffect.NEW_LATEST);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CreditScore> creditScores(UUID customerId) {
        get(customerId);
        return scores.history(customerId);
    }

    public Contact logContact(UUID customerId, ContactRequest request) {
        get(customerId);
        Contact contact = new Contact();
        contact.id = UUID.randomUUID();
        contact.customerId = customerId;
        contact.kind = request.kind();
        contact.topic = request.topic();
        contact.channel = request.channel();
        contact.satisfaction = request.satisfaction();
        contact.outcome = request.outcome();
        contact.loggedBy = request.loggedBy();
        contact.contactDate = request.contactDate();
        contact.loggedAt = Instant.now();
        contacts.persist(contact);
        outbox.publish(EventType.CONTACT_LOGGED, customerId, new Payloads.ContactLogged(contact.id, contact.kind.name(),
                contact.topic.name(), contact.channel.name(), contact.satisfaction, contact.outcome, contact.contactDate));
        return contact;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Contact> contacts(UUID customerId) {
        get(customerId);
        return contacts.forCustomer(customerId);
    }
}

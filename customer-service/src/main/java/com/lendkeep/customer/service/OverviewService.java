package com.lendkeep.customer.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.lendkeep.customer.api.CustomerOverview;
import com.lendkeep.customer.config.CustomerConfig;
import com.lendkeep.customer.domain.CreditScore;
import com.lendkeep.customer.domain.Customer;
import com.lendkeep.customer.domain.CustomerLoan;
import com.lendkeep.customer.mapping.CustomerMapper;
import com.lendkeep.customer.repository.ChurnRiskRepository;
import com.lendkeep.customer.repository.ContactRepository;
import com.lendkeep.customer.repository.CreditScoreRepository;
import com.lendkeep.customer.repository.CustomerLoanRepository;

/** Assembles the customer 360 from this service's tables (which already hold what the other services' events said). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OverviewService {

    private final CustomerService customers;
    private final CreditScoreRepository scores;
    private final ContactRepository contacts;
    private final ContactPreferenceService preferences;
    private final CustomerLoanRepository loans;
    private final ChurnRiskRepository risks;
    private final CustomerMapper mapper;
    private final CustomerConfig.Overview config;
    private final BusinessDateService businessDate;

    public OverviewService(CustomerService customers, CreditScoreRepository scores, ContactRepository contacts,
            ContactPreferenceService preferences, CustomerLoanRepository loans, ChurnRiskRepository risks, CustomerMapper mapper,
            CustomerConfig config, BusinessDateService businessDate) {
        this.businessDate = businessDate;
        this.customers = customers;
        this.scores = scores;
        this.contacts = contacts;
        this.preferences = preferences;
        this.loans = loans;
        this.risks = risks;
        this.mapper = mapper;
        this.config = config.overview();
    }

    public CustomerOverview overview(UUID customerId) {
        Customer customer = customers.get(customerId);
        List<CustomerLoan> book = loans.forCustomer(customerId);
        LocalDate today = businessDate.today().date();
        return new CustomerOverview(
                mapper.toResponse(customer),
                trend(scores.history(customerId)),
                contacts.recent(customerId, config.recentContacts()).stream().map(mapper::toResponse).toList(),
                mapper.toResponse(preferences.get(customerId), today),
                summary(book, today),
                book.stream().map(l -> mapper.toResponse(l, today)).toList(),
                risks.forCustomer(customerId).stream().map(mapper::toResponse).toList());
    }

    /** @param newestFirst the history as the repository returns it: by score date, then arrival, newest first */
    CustomerOverview.CreditScoreTrend trend(List<CreditScore> newestFirst) {
        if (newestFirst.isEmpty()) {
            return new CustomerOverview.CreditScoreTrend(null, null, null, null, null, "NONE", List.of());
        }
        List<CreditScore> window = new ArrayList<>(newestFirst.subList(0, Math.min(config.scorePoints(), newestFirst.size())));
        Collections.reverse(window);
        CreditScore latest = newestFirst.get(0);
        // against the same bureau's previous score: bureaus score on their own scales
        Integer change = newestFirst.stream().skip(1).filter(s -> s.bureau.equals(latest.bureau)).findFirst()
                .map(previous -> latest.score - previous.score).orElse(null);
        int overPoints = latest.score - window.get(0).score;
        String direction = overPoints > 0 ? "RISING" : overPoints < 0 ? "FALLING" : "STABLE";
        return new CustomerOverview.CreditScoreTrend(latest.score, latest.scoreDate, latest.bureau, change, overPoints, direction,
                window.stream().map(s -> new CustomerOverview.ScorePoint(s.scoreDate, s.score, s.bureau)).toList());
    }

    private static CustomerOverview.LoanSummary summary(List<CustomerLoan> book, LocalDate today) {
        List<CustomerLoan> active = book.stream().filter(CustomerLoan::active).toList();
        BigDecimal exposure = active.stream().map(l -> l.outstanding != null ? l.outstanding : l.principal).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal borrowed = book.stream().map(l -> l.principal).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal interest = book.stream().map(l -> l.interestPaid).reduce(BigDecimal.ZERO, BigDecimal::add);
        int delinquent = (int) active.stream().filter(l -> l.daysPastDue(today) > 0 || l.delinquencyBucket != null).count();
        int maxDpd = active.stream().mapToInt(l -> l.daysPastDue(today)).max().orElse(0);
        return new CustomerOverview.LoanSummary(active.size(), book.size(), exposure, borrowed, interest, delinquent, maxDpd);
    }
}

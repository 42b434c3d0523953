package com.lendkeep.e2e.client;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.lendkeep.client.customer.model.CustomerRequest;
import com.lendkeep.client.customer.model.CustomerResponse;
import com.lendkeep.client.customer.model.CustomerType;
import com.lendkeep.client.loan.api.BusinessDateApi;
import com.lendkeep.client.loan.api.LoansApi;
import com.lendkeep.client.loan.model.LoanRequest;
import com.lendkeep.client.loan.model.LoanResponse;
import com.lendkeep.client.loan.model.BusinessDateRequest;
import com.lendkeep.client.loan.model.RepaymentMethod;
import com.lendkeep.client.retention.api.InterventionsApi;
import com.lendkeep.client.retention.model.InterventionDecisionRequest;
import com.lendkeep.client.retention.model.InterventionKind;
import com.lendkeep.client.retention.model.InterventionResponse;
import com.lendkeep.client.risk.api.AlertsApi;
import com.lendkeep.client.risk.model.AlertResponse;

/**
 * Calls the services through the clients openapi-generator made from their documents, as a
 * front-end team would: no hand-written HTTP. Compiled and run by GeneratedClientTest (it is not
 * compiled by the build: the classes it uses exist only once the test has generated them).
 */
public final class GeneratedClientScenario {

    private GeneratedClientScenario() {
    }

    public static Map<String, Object> run(Map<String, String> urls, String bearer) throws Exception {
        Map<String, Object> seen = new LinkedHashMap<>();
        CustomerResponse customer = registerCustomer(urls, bearer);
        seen.put("customerId", customer.getId());

        var loans = loanClient(urls, bearer);
        LocalDate start = new BusinessDateApi(loans).getBusinessDate().getDate();
        LoansApi loansApi = new LoansApi(loans);
        LoanRequest request = loanRequest(customer, start);
        String bookingKey = UUID.randomUUID().toString();
        LoanResponse booked = openLoan(loansApi, request, bookingKey);
        seen.put("loanId", booked.getId());
        // the answer was lost, say: the same call with the same key books nothing new
        seen.put("loanRetriedId", loansApi.openLoan(request, bookingKey).getId());

        LoanResponse read = loansApi.getLoan(booked.getId());
        seen.put("loanReadBackId", read.getId());
        seen.put("loanReadBackCustomerId", read.getCustomerId());
        seen.put("loanReadBackPrincipal", read.getPrincipal().toPlainString());
        seen.put("loanReadBackInstallments", read.getSchedule().size());

        try {
            loansApi.getLoan(UUID.randomUUID());
            seen.put("problemStatus", 200);
        } catch (com.lendkeep.client.loan.ApiException e) {
            seen.put("problemStatus", e.getCode());
            seen.put("problemBody", e.getResponseBody());
            seen.put("problemContentType", e.getResponseHeaders().firstValue("Content-Type").orElse(""));
        }
        try {
            loansApi.openLoan(request.principal(new BigDecimal("-5.00")), null);
            seen.put("badInputStatus", 201);
        } catch (com.lendkeep.client.loan.ApiException e) {
            seen.put("badInputStatus", e.getCode());
            seen.put("badInputBody", e.getResponseBody());
        }
        return seen;
    }

    /**
     * The demo's first churn case, through the generated clients only: a customer, a 12,000 loan, two
     * installments missed at close of business, risk-service's alert, retention-service's proposed
     * payment extension approved by a manager, offered, accepted by the advisor, APPLIED to the loan.
     * {@code bearers}: tokens for "system" (every role), "manager" (retention-manager), "advisor".
     */
    public static Map<String, Object> churnCase(Map<String, String> urls, Map<String, String> bearers) throws Exception {
        Map<String, Object> seen = new LinkedHashMap<>();
        String bearer = bearers.get("system");
        CustomerResponse customer = registerCustomer(urls, bearer);
        var loans = loanClient(urls, bearer);
        BusinessDateApi businessDate = new BusinessDateApi(loans);
        LocalDate start = businessDate.getBusinessDate().getDate();
        LoansApi loansApi = new LoansApi(loans);
        LoanResponse loan = openLoan(loansApi, loanRequest(customer, start), UUID.randomUUID().toString());
        seen.put("loanId", loan.getId());
        seen.put("dueDatesBefore", loan.getSchedule().stream().map(i -> i.getDueDate().toString()).toList());

        LocalDate closed = start.plusMonths(2).plusDays(1); // two installments fall due unpaid
        // the count is the whole book's (other customers' loans share this stack); this loan's arrears are read from it
        seen.put("missedPayments", businessDate.advanceBusinessDate(new BusinessDateRequest().date(closed), UUID.randomUUID().toString())
                .getMissedPayments());
        LoanResponse inArrears = loansApi.getLoan(loan.getId());
        seen.put("daysPastDueAfterClose", inArrears.getDaysPastDue());
        seen.put("daysSinceFirstDueDate", (int) java.time.temporal.ChronoUnit.DAYS.between(loan.getSchedule().get(0).getDueDate(), closed));
        seen.put("installmentsFallenDue", (int) loan.getSchedule().stream().filter(i -> !i.getDueDate().isAfter(closed)).count());

        var risk = new com.lendkeep.client.risk.ApiClient();
        risk.updateBaseUri(urls.get("risk-service"));
        risk.setRequestInterceptor(request -> request.header("Authorization", bearer));
        AlertsApi alerts = new AlertsApi(risk);
        AlertResponse alert = poll(() -> alerts.listAlerts(null, customer.getId(), null, null, null, null).stream().findFirst().orElse(null));
        seen.put("alertStatus", String.valueOf(alert.getStatus()));
        seen.put("alertChurnType", String.valueOf(alert.getChurnType()));
        seen.put("alertLoanId", alert.getLoanId());

        InterventionsApi asSystem = interventions(urls, bearer);
        InterventionResponse proposed = poll(() -> asSystem.listInterventions(null, customer.getId(), InterventionKind.PAYMENT_EXTENSION,
                null, null, null).stream().findFirst().orElse(null));
        seen.put("proposedStatus", String.valueOf(proposed.getStatus()));
        seen.put("proposedLoanId", proposed.getLoanId());
        interventions(urls, bearers.get("manager")).approveIntervention(proposed.getId(),
                new InterventionDecisionRequest().note("approved through the generated client"), UUID.randomUUID().toString());
        poll(() -> "OFFERED".equals(String.valueOf(asSystem.getIntervention(proposed.getId()).getStatus())) ? true : null);
        seen.put("acceptedStatus", String.valueOf(interventions(urls, bearers.get("advisor")).acceptIntervention(proposed.getId(),
                new InterventionDecisionRequest(), UUID.randomUUID().toString()).getStatus()));
        InterventionResponse applied = poll(() -> {
            InterventionResponse now = asSystem.getIntervention(proposed.getId());
            return "APPLIED".equals(String.valueOf(now.getStatus())) ? now : null;
        });
        seen.put("appliedStatus", String.valueOf(applied.getStatus()));
        seen.put("extensionMonths", applied.getExtensionMonths());
        seen.put("history", asSystem.getInterventionHistory(proposed.getId()).stream().map(h -> String.valueOf(h.getToStatus())).toList());
        LoanResponse after = loansApi.getLoan(loan.getId());
        seen.put("scheduleVersionAfter", after.getScheduleVersion());
        seen.put("daysPastDueAfter", after.getDaysPastDue());
        seen.put("dueDatesAfter", after.getSchedule().stream().map(i -> i.getDueDate().toString()).toList());
        return seen;
    }

    private static CustomerResponse registerCustomer(Map<String, String> urls, String bearer) throws Exception {
        var customers = new com.lendkeep.client.customer.ApiClient();
        customers.updateBaseUri(urls.get("customer-service"));
        customers.setRequestInterceptor(request -> request.header("Authorization", bearer));
        return new com.lendkeep.client.customer.api.CustomersApi(customers).registerCustomer(new CustomerRequest()
                .type(CustomerType.INDIVIDUAL).fullName("Gene Rated").nationalId("GEN" + System.nanoTime())
                .relationshipSince(LocalDate.parse("2020-02-01")).annualIncome(new BigDecimal("41000.00")), UUID.randomUUID().toString());
    }

    private static com.lendkeep.client.loan.ApiClient loanClient(Map<String, String> urls, String bearer) {
        var loans = new com.lendkeep.client.loan.ApiClient();
        loans.updateBaseUri(urls.get("loan-service"));
        loans.setRequestInterceptor(request -> request.header("Authorization", bearer));
        return loans;
    }

    private static LoanRequest loanRequest(CustomerResponse customer, LocalDate start) {
        return new LoanRequest().customerId(customer.getId()).principal(new BigDecimal("12000.00"))
                .annualRate(new BigDecimal("0.08")).termMonths(12).startDate(start).method(RepaymentMethod.ANNUITY);
    }

    private static LoanResponse openLoan(LoansApi loansApi, LoanRequest request, String bookingKey) throws Exception {
        return poll(() -> {
            try {
                return loansApi.openLoan(request, bookingKey);
            } catch (com.lendkeep.client.loan.ApiException e) {
                // loan-service learns a new customer from customer-events a moment after customer-service answered
                if (e.getCode() != 422 || !e.getResponseBody().contains("customerId")) {
                    throw e;
                }
                return null;
            }
        });
    }

    private static InterventionsApi interventions(Map<String, String> urls, String bearer) {
        var retention = new com.lendkeep.client.retention.ApiClient();
        retention.updateBaseUri(urls.get("retention-service"));
        retention.setRequestInterceptor(request -> request.header("Authorization", bearer));
        return new InterventionsApi(retention);
    }

    interface Read<T> {
        T get() throws Exception;
    }

    /** What the services do over Kafka takes a moment: reads until there is an answer, for up to 90 s. */
    private static <T> T poll(Read<T> read) throws Exception {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (true) {
            T value = read.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no answer within 90 s");
            }
            Thread.sleep(250);
        }
    }
}

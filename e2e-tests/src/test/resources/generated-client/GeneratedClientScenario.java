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
import com.lendkeep.client.loan.model.RepaymentMethod;

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

        var customers = new com.lendkeep.client.customer.ApiClient();
        customers.updateBaseUri(urls.get("customer-service"));
        customers.setRequestInterceptor(request -> request.header("Authorization", bearer));
        CustomerResponse customer = new com.lendkeep.client.customer.api.CustomersApi(customers).registerCustomer(new CustomerRequest()
                .type(CustomerType.INDIVIDUAL).fullName("Gene Rated").nationalId("GEN" + System.nanoTime())
                .relationshipSince(LocalDate.parse("2020-02-01")).annualIncome(new BigDecimal("41000.00")), UUID.randomUUID().toString());
        seen.put("customerId", customer.getId());

        var loans = new com.lendkeep.client.loan.ApiClient();
        loans.updateBaseUri(urls.get("loan-service"));
        loans.setRequestInterceptor(request -> request.header("Authorization", bearer));
        LocalDate start = new BusinessDateApi(loans).getBusinessDate().getDate();
        LoansApi loansApi = new LoansApi(loans);
        LoanRequest request = new LoanRequest().customerId(customer.getId()).principal(new BigDecimal("12000.00"))
                .annualRate(new BigDecimal("0.08")).termMonths(12).startDate(start).method(RepaymentMethod.ANNUITY);
        String bookingKey = UUID.randomUUID().toString();
        LoanResponse booked = null;
        for (int attempt = 0; booked == null; attempt++) {
            try {
                booked = loansApi.openLoan(request, bookingKey);
            } catch (com.lendkeep.client.loan.ApiException e) {
                // loan-service learns a new customer from customer-events a moment after customer-service answered
                if (e.getCode() != 422 || !e.getResponseBody().contains("customerId") || attempt > 300) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
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
}

package com.lendkeep.infra;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The consistency check of issue 17: does customer-service's 360 agree with the loan book? For each
 * customer, compares every loan of GET customer-service /customers/{id}/overview with the same loan of
 * GET loan-service /loans?customerId= (status, outstanding principal, annual rate and, while active,
 * days past due, overdue amount and delinquency bucket) and returns the differences, one line each.
 * Used against the running services by e2e-tests (LoanBookConsistencyTest) and by the fault suite
 * (after every scenario), hence here beside the other test-support classes.
 */
public final class LoanBookConsistency {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String customerService;
    private final String loanService;
    private final String authorization;

    /** @param authorization {@code Bearer ...} of a user who may read both (core-banking, advisor or retention-manager) */
    public LoanBookConsistency(String customerServiceUrl, String loanServiceUrl, String authorization) {
        this.customerService = customerServiceUrl;
        this.loanService = loanServiceUrl;
        this.authorization = authorization;
    }

    /** Up to {@code size} customer ids, the most recently registered first. */
    public List<String> sample(int size) {
        List<String> ids = new ArrayList<>();
        get(customerService + "/customers?size=" + size + "&sort=createdAt,desc").path("items").forEach(c -> ids.add(c.path("id").asText()));
        return ids;
    }

    public List<String> differences(Collection<String> customerIds) {
        List<String> differences = new ArrayList<>();
        for (String customer : customerIds) {
            Map<String, JsonNode> book = new HashMap<>();
            get(loanService + "/loans?customerId=" + customer).forEach(l -> book.put(l.path("id").asText(), l));
            Map<String, JsonNode> view = new HashMap<>();
            get(customerService + "/customers/" + customer + "/overview").path("loans").forEach(l -> view.put(l.path("loanId").asText(), l));
            for (var entry : book.entrySet()) {
                JsonNode ours = view.get(entry.getKey());
                String where = "customer " + customer + " loan " + entry.getKey();
                if (ours == null) {
                    differences.add(where + ": in the loan book, not in customer-service's 360");
                    continue;
                }
                JsonNode theirs = entry.getValue();
                compareText(differences, where, "status", theirs.path("status"), ours.path("status"));
                compareAmount(differences, where, "outstanding", theirs.path("outstandingPrincipal"), ours.path("outstanding"));
                compareAmount(differences, where, "annualRate", theirs.path("annualRate"), ours.path("annualRate"));
                if ("ACTIVE".equals(theirs.path("status").asText())) {
                    compareText(differences, where, "daysPastDue", theirs.path("daysPastDue"), ours.path("daysPastDue"));
                    compareAmount(differences, where, "overdueAmount", theirs.path("overdueAmount"), ours.path("overdueAmount"));
                    compareText(differences, where, "delinquencyBucket", theirs.path("delinquencyBucket"), ours.path("delinquencyBucket"));
                }
            }
            view.keySet().stream().filter(id -> !book.containsKey(id))
                    .forEach(id -> differences.add("customer " + customer + " loan " + id + ": in customer-service's 360, not in the loan book"));
        }
        return differences;
    }

    private static void compareText(List<String> out, String where, String field, JsonNode book, JsonNode ours) {
        String a = book.isNull() || book.isMissingNode() ? null : book.asText();
        String b = ours.isNull() || ours.isMissingNode() ? null : ours.asText();
        if (!Objects.equals(a, b)) {
            out.add(where + ": " + field + " loan-service " + a + ", customer-service " + b);
        }
    }

    private static void compareAmount(List<String> out, String where, String field, JsonNode book, JsonNode ours) {
        BigDecimal a = book.isNumber() ? book.decimalValue() : null;
        BigDecimal b = ours.isNumber() ? ours.decimalValue() : null;
        if (a == null || b == null ? a != b : a.compareTo(b) != 0) {
            out.add(where + ": " + field + " loan-service " + a + ", customer-service " + b);
        }
    }

    private JsonNode get(String url) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", authorization).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

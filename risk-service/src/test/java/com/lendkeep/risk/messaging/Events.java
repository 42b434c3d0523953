package com.lendkeep.risk.messaging;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Event envelopes as loan-service, customer-service and the bureaus send them, for the flow tests.
 * Every test works on the same book date, carried by the envelopes as loan-service stamps it.
 */
final class Events {

    /**
     * The loan book's business date of the flow tests: 2027-03-11, or later when a test class that ran
     * before moved the shared business date on (it never goes back). Set by {@link #startAt}.
     */
    static LocalDate BOOK = LocalDate.of(2027, 3, 11);
    static final UUID SYSTEM = new UUID(0L, 0L);

    private Events() {
    }

    /** Works on the current business date if it is later than the default one. */
    static void startAt(LocalDate current) {
        if (current != null && current.isAfter(BOOK)) {
            BOOK = current;
        }
    }

    static String envelope(String type, UUID customer, String data, LocalDate businessDate) {
        return """
                {"eventId":"%s","type":"%s","source":"test","occurredAt":"2027-03-11T10:00:00Z","schemaVersion":1,
                 "customerId":"%s","data":%s%s}""".formatted(UUID.randomUUID(), type, customer, data,
                businessDate == null ? "" : ",\"businessDate\":\"" + businessDate + "\"");
    }

    static String loanOpened(UUID customer, UUID loan, String rate, LocalDate start, int termMonths) {
        return envelope("LOAN_OPENED", customer, """
                {"loanId":"%s","principal":50000.00,"annualRate":%s,"termMonths":%d,"startDate":"%s","installmentAmount":990.00}"""
                .formatted(loan, rate, termMonths, start), BOOK);
    }

    static String payoffQuoted(UUID customer, UUID loan, LocalDate on) {
        return envelope("PAYOFF_QUOTED", customer, """
                {"loanId":"%s","quoteDate":"%s","payoffAmount":40210.55,"outstandingPrincipal":40000.00,"requestedBy":"advisor.ann"}"""
                .formatted(loan, on), BOOK);
    }

    static String repaid(UUID customer, UUID loan, LocalDate due, LocalDate paidOn, String amountDue, String amountPaid,
            String outstanding, String principalPrepaid) {
        return repaid(customer, loan, due, paidOn, amountDue, amountPaid, outstanding, principalPrepaid, BOOK);
    }

    static String repaid(UUID customer, UUID loan, LocalDate due, LocalDate paidOn, String amountDue, String amountPaid,
            String outstanding, String principalPrepaid, LocalDate businessDate) {
        return envelope("REPAYMENT_RECEIVED", customer, """
                {"loanId":"%s","paidOn":"%s","dueDate":"%s","amountDue":%s,"amountPaid":%s,"daysPastDue":0,"onTime":true,
                 "outstanding":%s%s}""".formatted(loan, paidOn, due, amountDue, amountPaid, outstanding,
                principalPrepaid == null ? "" : ",\"principalPrepaid\":" + principalPrepaid), businessDate);
    }

    static String missed(UUID customer, UUID loan, LocalDate due, int dpd, int consecutive) {
        return missed(customer, loan, due, dpd, consecutive, BOOK);
    }

    static String missed(UUID customer, UUID loan, LocalDate due, int dpd, int consecutive, LocalDate businessDate) {
        return envelope("PAYMENT_MISSED", customer, """
                {"loanId":"%s","installmentNumber":%d,"dueDate":"%s","amountDue":850.00,"daysPastDue":%d,
                 "consecutiveMissed":%d,"outstanding":9000.00}""".formatted(loan, consecutive, due, dpd, consecutive), businessDate);
    }

    static String chargedOff(UUID customer, UUID loan, LocalDate on) {
        return envelope("LOAN_CLOSED", customer, """
                {"loanId":"%s","closure":"CHARGED_OFF","closedOn":"%s","unrecoveredPrincipal":9000.00,"unrecoveredInterest":120.00}"""
                .formatted(loan, on), on);
    }

    static String score(UUID customer, String bureau, int score, LocalDate on) {
        return envelope("CREDIT_SCORE_CHANGED", customer, """
                {"bureau":"%s","newScore":%d,"scoreDate":"%s"}""".formatted(bureau, score, on), null);
    }

    static String contact(UUID customer, String topic, LocalDate on) {
        return envelope("CONTACT_LOGGED", customer, """
                {"contactId":"%s","kind":"CALL","topic":"%s","channel":"PHONE","contactDate":"%s"}"""
                .formatted(UUID.randomUUID(), topic, on), null);
    }

    static String businessDateChanged(LocalDate date, LocalDate previous) {
        return envelope("BUSINESS_DATE_CHANGED", SYSTEM, """
                {"businessDate":"%s","previousDate":"%s"}""".formatted(date, previous), date);
    }
}

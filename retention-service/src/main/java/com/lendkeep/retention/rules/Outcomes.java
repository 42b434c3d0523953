package com.lendkeep.retention.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What "churned" and "retained" mean, as banks define them (docs/retention.md, "Outcomes"). All
 * dates are business dates (the loan book's calendar).
 *
 * <ul>
 * <li>Involuntary churn: the loan reached default ({@code defaultDaysPastDue}, 90 by the EBA/Basel
 * definition), was charged off, or had a distressed restructuring.</li>
 * <li>Voluntary churn: the loan was closed by payoff, prepayment or refinancing, or it matured and the
 * customer opened no new loan within {@code renewalDays}.</li>
 * <li>Each churn type is watched for its own window from the customer's first alert; RETAINED only
 * once every window has been observed in full (up to {@code asOf}) with none of these.</li>
 * </ul>
 */
public final class Outcomes {
    private Outcomes() {
    }

    public enum Outcome {
        RETAINED, CHURNED_VOLUNTARY, CHURNED_INVOLUNTARY, PENDING
    }

    public enum ChurnType {
        VOLUNTARY, INVOLUNTARY
    }

    public enum Trigger {
        DEFAULT(ChurnType.INVOLUNTARY), CHARGE_OFF(ChurnType.INVOLUNTARY), DISTRESSED_RESTRUCTURING(ChurnType.INVOLUNTARY),
        PAYOFF(ChurnType.VOLUNTARY), NOT_RENEWED(ChurnType.VOLUNTARY);

        private final ChurnType type;

        Trigger(ChurnType type) {
            this.type = type;
        }

        public ChurnType type() {
            return type;
        }
    }

    /** Every knob of the definitions, from retention.outcomes.* (RetentionConfig). */
    public record Definition(int defaultDaysPastDue, int involuntaryWindowDays, int voluntaryWindowDays, int renewalDays,
            Set<String> voluntaryClosures, Set<String> involuntaryClosures, Set<String> maturedClosures) {

        int window(ChurnType type) {
            return type == ChurnType.VOLUNTARY ? voluntaryWindowDays : involuntaryWindowDays;
        }

        int longestWindow() {
            return Math.max(voluntaryWindowDays, involuntaryWindowDays);
        }
    }

    /**
     * One churn event of one loan.
     *
     * @param on       the business date it happened
     * @param knownOn  the first business date on which it can be known (a maturity counts as not renewed only
     *                 once the renewal period is over; otherwise {@code on})
     * @param exposure the balance at risk when it happened (defaults and restructurings), null when unknown
     */
    public record ChurnEvent(UUID loanId, Trigger trigger, String detail, LocalDate on, LocalDate knownOn,
            BigDecimal unrecoveredPrincipal, BigDecimal unrecoveredInterest, BigDecimal writtenOffFees, BigDecimal interestIncomeLost,
            BigDecimal exposure) {

        public ChurnType type() {
            return trigger.type();
        }
    }

    /** @param event the churn event that decided, null unless churned; windowEnd the last day of the longest window */
    public record Decision(Outcome outcome, ChurnEvent event, LocalDate windowEnd) {
    }

    /** The outcome of a customer first alerted on {@code alertedOn}, from the churn events of all their loans. */
    public static Decision decide(LocalDate alertedOn, List<ChurnEvent> events, LocalDate asOf, Definition d) {
        LocalDate windowEnd = alertedOn.plusDays(d.longestWindow());
        ChurnEvent first = events.stream()
                .filter(e -> inWindow(e, alertedOn, d) && !e.knownOn().isAfter(asOf))
                .min(Comparator.comparing(ChurnEvent::on).thenComparing(e -> e.type() == ChurnType.VOLUNTARY))
                .orElse(null);
        if (first != null) {
            return new Decision(first.type() == ChurnType.VOLUNTARY ? Outcome.CHURNED_VOLUNTARY : Outcome.CHURNED_INVOLUNTARY, first,
                    windowEnd);
        }
        boolean unknownYet = events.stream().anyMatch(e -> inWindow(e, alertedOn, d) && e.knownOn().isAfter(asOf));
        boolean observed = !asOf.isBefore(windowEnd);
        return new Decision(observed && !unknownYet ? Outcome.RETAINED : Outcome.PENDING, null, windowEnd);
    }

    private static boolean inWindow(ChurnEvent e, LocalDate alertedOn, Definition d) {
        return !e.on().isBefore(alertedOn) && !e.on().isAfter(alertedOn.plusDays(d.window(e.type())));
    }

    /**
     * The business date on which days past due reached {@code threshold}, from an observation of
     * {@code daysPastDue} on {@code observedOn}: past it already, the day it was crossed; short of it,
     * the day it will be crossed if nothing is paid (days past due grow one a day); null when current.
     */
    public static LocalDate defaultDate(int daysPastDue, LocalDate observedOn, int threshold) {
        if (daysPastDue <= 0 || observedOn == null) {
            return null;
        }
        return observedOn.plusDays(threshold - (long) daysPastDue);
    }

    /** A LOAN_CLOSED: {@code closedDate} is its business date. */
    public record ClosureFact(UUID customerId, UUID loanId, String closure, LocalDate closedDate, BigDecimal unrecoveredPrincipal,
            BigDecimal unrecoveredInterest, BigDecimal writtenOffFees, BigDecimal interestIncomeLost) {
    }

    /** A loan's credit facts (LoanStatus); {@code exposure} its balance at risk, null when unknown. */
    public record StatusFact(UUID customerId, UUID loanId, int daysPastDue, LocalDate observedOn, LocalDate defaultOn,
            LocalDate distressedOn, BigDecimal exposure) {
    }

    /** A loan of the customer and the date it started (renewals). */
    public record Opening(UUID customerId, UUID loanId, LocalDate startDate) {
    }

    /** The churn events of one customer's loans. */
    public static List<ChurnEvent> events(List<ClosureFact> closures, List<StatusFact> statuses, List<Opening> openings, Definition d) {
        List<ChurnEvent> out = new java.util.ArrayList<>();
        java.util.Map<UUID, ClosureFact> closed = new java.util.HashMap<>();
        for (ClosureFact c : closures) {
            closed.put(c.loanId(), c);
            if (d.involuntaryClosures().contains(c.closure())) {
                out.add(new ChurnEvent(c.loanId(), Trigger.CHARGE_OFF, c.closure(), c.closedDate(), c.closedDate(), c.unrecoveredPrincipal(),
                        c.unrecoveredInterest(), c.writtenOffFees(), null, null));
            } else if (d.voluntaryClosures().contains(c.closure())) {
                out.add(new ChurnEvent(c.loanId(), Trigger.PAYOFF, c.closure(), c.closedDate(), c.closedDate(), null, null, null,
                        c.interestIncomeLost(), null));
            } else if (d.maturedClosures().contains(c.closure())) {
                LocalDate until = c.closedDate().plusDays(d.renewalDays());
                boolean renewed = openings.stream().anyMatch(o -> !o.loanId().equals(c.loanId()) && o.startDate() != null
                        && !o.startDate().isBefore(c.closedDate().minusDays(d.renewalDays())) && !o.startDate().isAfter(until));
                if (!renewed) {
                    out.add(new ChurnEvent(c.loanId(), Trigger.NOT_RENEWED, c.closure() + ", no new loan within " + d.renewalDays() + " days",
                            c.closedDate(), until, null, null, null, null, null));
                }
            }
        }
        for (StatusFact s : statuses) {
            ClosureFact closure = closed.get(s.loanId());
            LocalDate defaultOn = s.defaultOn() != null ? s.defaultOn()
                    : defaultDate(s.daysPastDue(), s.observedOn(), d.defaultDaysPastDue());
            // a projection stops at the loan's closure: a loan repaid or closed first never got there
            if (defaultOn != null && (closure == null || !closure.closedDate().isBefore(defaultOn) || s.defaultOn() != null)) {
                out.add(new ChurnEvent(s.loanId(), Trigger.DEFAULT, d.defaultDaysPastDue() + " days past due" + (s.defaultOn() == null
                        ? " (projected from " + s.daysPastDue() + " on " + s.observedOn() + ", nothing paid since)" : ""),
                        defaultOn, defaultOn, null, null, null, null, s.exposure()));
            }
            if (s.distressedOn() != null) {
                out.add(new ChurnEvent(s.loanId(), Trigger.DISTRESSED_RESTRUCTURING, "distressed restructuring", s.distressedOn(),
                        s.distressedOn(), null, null, null, null, s.exposure()));
            }
        }
        return out;
    }
}

package com.lendkeep.loan.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.loan.domain.Installment;
import com.lendkeep.loan.domain.InstallmentStatus;
import com.lendkeep.loan.domain.Loan;

/** The money state of a loan's installments as JSON, kept with each repayment so that a reversal can put it back. */
public final class InstallmentStates {

    record State(UUID id, LocalDate dueDate, BigDecimal principalDue, BigDecimal interestDue, BigDecimal principalPaid,
            BigDecimal interestPaid, BigDecimal feePaid, BigDecimal interestEarned, LocalDate accrualStart, InstallmentStatus status) {
    }

    private static final TypeReference<List<State>> STATES = new TypeReference<>() {
    };

    private InstallmentStates() {
    }

    public static String write(ObjectMapper mapper, Loan loan) {
        try {
            return mapper.writeValueAsString(loan.installments.stream().map(i -> new State(i.id, i.dueDate, i.principalDue, i.interestDue,
                    i.principalPaid, i.interestPaid, i.feePaid, i.interestEarned, i.accrualStart, i.status)).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("installments cannot be serialized", e);
        }
    }

    /**
     * Puts the installments back as {@code json} recorded them. Fees charged since stay charged (close
     * of business charged them on their own); an installment overdue then or now is overdue, one with
     * nothing left to pay is paid. Returns false (changing nothing) if the installments are not the same ones.
     */
    public static boolean restore(ObjectMapper mapper, Loan loan, String json) {
        List<State> states = read(mapper, json);
        Map<UUID, Installment> byId = loan.installments.stream().collect(Collectors.toMap(i -> i.id, Function.identity()));
        if (states.size() != byId.size() || !states.stream().allMatch(s -> byId.containsKey(s.id()))) {
            return false;
        }
        for (State s : states) {
            Installment i = byId.get(s.id());
            boolean overdue = s.status() == InstallmentStatus.OVERDUE || i.status == InstallmentStatus.OVERDUE;
            i.dueDate = s.dueDate();
            i.principalDue = s.principalDue();
            i.interestDue = s.interestDue();
            i.principalPaid = s.principalPaid();
            i.interestPaid = s.interestPaid();
            i.feePaid = s.feePaid();
            i.interestEarned = s.interestEarned();
            i.accrualStart = s.accrualStart();
            i.status = i.amountUnpaid().signum() == 0 ? InstallmentStatus.PAID
                    : overdue ? InstallmentStatus.OVERDUE : InstallmentStatus.PENDING;
        }
        return true;
    }

    /** Whether every installment asks the same principal and interest on the same due date as {@code json} recorded (a prepayment changes them). */
    public static boolean sameAmountsAsked(ObjectMapper mapper, Loan loan, String json) {
        List<State> states = read(mapper, json);
        if (states.size() != loan.installments.size()) {
            return false;
        }
        for (int k = 0; k < states.size(); k++) {
            State s = states.get(k);
            Installment i = loan.installments.get(k);
            if (s.principalDue().compareTo(i.principalDue) != 0 || s.interestDue().compareTo(i.interestDue) != 0
                    || !s.dueDate().equals(i.dueDate)) {
                return false;
            }
        }
        return true;
    }

    private static List<State> read(ObjectMapper mapper, String json) {
        try {
            return mapper.readValue(json, STATES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored installments cannot be read", e);
        }
    }
}

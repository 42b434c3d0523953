package com.lendkeep.retention.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.lendkeep.retention.domain.InterventionKind;

/** Checks a playbook rule before it is stored; every problem is reported with its field. */
public final class PlaybookValidator {
    private PlaybookValidator() {
    }

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");
    private static final Pattern TOKEN = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
    private static final BigDecimal MAX_RATE = new BigDecimal("0.5");
    private static final BigDecimal MAX_REDUCTION = new BigDecimal("0.2");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");

    public static List<Violation> validate(PlaybookRule rule) {
        List<Violation> errors = new ArrayList<>();
        if (rule == null) {
            errors.add(new Violation("rule", "must not be empty"));
            return errors;
        }
        if (rule.id() == null || !ID.matcher(rule.id()).matches()) {
            errors.add(new Violation("id", "must be 3..64 characters: lower-case letters, digits and dashes"));
        }
        if (rule.description() == null || rule.description().isBlank() || rule.description().length() > 300) {
            errors.add(new Violation("description", "must be 1..300 characters"));
        }
        if (rule.priority() == null || rule.priority() < 0 || rule.priority() > 10_000) {
            errors.add(new Violation("priority", "must be 0..10000"));
        }
        PlaybookRule.Conditions when = rule.when() == null ? PlaybookRule.Conditions.none() : rule.when();
        tokens(errors, "when.churnTypes", when.churnTypes());
        tokens(errors, "when.levels", when.levels());
        tokens(errors, "when.tiers", when.tiers());
        tokens(errors, "when.grades", when.grades());
        if (when.reasonsAny() != null) {
            for (int i = 0; i < when.reasonsAny().size(); i++) {
                String word = when.reasonsAny().get(i);
                if (word == null || word.isBlank() || word.length() > 100) {
                    errors.add(new Violation("when.reasonsAny[" + i + "]", "must be 1..100 characters"));
                }
            }
        }
        if (when.loanStates() != null && when.loanStates().contains(null)) {
            errors.add(new Violation("when.loanStates", "must not contain null"));
        }
        if (when.minScore() != null && (when.minScore().signum() < 0 || when.minScore().compareTo(BigDecimal.ONE) > 0)) {
            errors.add(new Violation("when.minScore", "must be 0..1"));
        }
        if (rule.propose() == null) {
            errors.add(new Violation("propose", "is required"));
            return errors;
        }
        action(errors, "propose.", rule.propose());
        return errors;
    }

    /** The terms of an intervention, for a rule or a manual proposal. */
    public static void action(List<Violation> errors, String prefix, PlaybookRule.Action a) {
        if (a.kind() == null) {
            errors.add(new Violation(prefix + "kind", "is required: one of " + java.util.Arrays.toString(InterventionKind.values())));
            return;
        }
        InterventionKind kind = a.kind();
        range(errors, prefix + "churnReduction", a.churnReduction(), BigDecimal.ZERO, BigDecimal.ONE, true);
        range(errors, prefix + "fixedCost", a.fixedCost(), BigDecimal.ZERO, MAX_AMOUNT, false);
        boolean rate = kind.changesRate() || kind == InterventionKind.RESTRUCTURING;
        allowedOnlyFor(errors, prefix + "extensionMonths", a.extensionMonths(), kind == InterventionKind.PAYMENT_EXTENSION, kind);
        allowedOnlyFor(errors, prefix + "holidayMonths", a.holidayMonths(), kind == InterventionKind.PAYMENT_HOLIDAY, kind);
        allowedOnlyFor(errors, prefix + "newAnnualRate", a.newAnnualRate(), rate, kind);
        allowedOnlyFor(errors, prefix + "rateReduction", a.rateReduction(), rate, kind);
        allowedOnlyFor(errors, prefix + "minAnnualRate", a.minAnnualRate(), rate, kind);
        allowedOnlyFor(errors, prefix + "newTermMonths", a.newTermMonths(), kind == InterventionKind.RESTRUCTURING, kind);
        allowedOnlyFor(errors, prefix + "termExtensionMonths", a.termExtensionMonths(), kind == InterventionKind.RESTRUCTURING, kind);
        allowedOnlyFor(errors, prefix + "feeWaived", a.feeWaived(), kind == InterventionKind.FEE_WAIVER, kind);
        switch (kind) {
            case PAYMENT_EXTENSION -> months(errors, prefix + "extensionMonths", a.extensionMonths(), 24);
            case PAYMENT_HOLIDAY -> months(errors, prefix + "holidayMonths", a.holidayMonths(), 12);
            case LOYALTY_RATE, COMPETITOR_RATE_MATCH -> rateTerms(errors, prefix, a, true);
            case RESTRUCTURING -> {
                boolean hasRate = a.newAnnualRate() != null || a.rateReduction() != null;
                boolean hasTerm = a.newTermMonths() != null || a.termExtensionMonths() != null;
                if (!hasRate && !hasTerm) {
                    errors.add(new Violation(prefix + "newAnnualRate",
                            "RESTRUCTURING needs a new rate (newAnnualRate or rateReduction) and/or a new term (newTermMonths or termExtensionMonths)"));
                }
                if (hasRate) {
                    rateTerms(errors, prefix, a, false);
                }
                if (a.newTermMonths() != null && a.termExtensionMonths() != null) {
                    errors.add(new Violation(prefix + "newTermMonths", "give newTermMonths or termExtensionMonths, not both"));
                }
                if (a.newTermMonths() != null) {
                    months(errors, prefix + "newTermMonths", a.newTermMonths(), 480);
                }
                if (a.termExtensionMonths() != null) {
                    months(errors, prefix + "termExtensionMonths", a.termExtensionMonths(), 120);
                }
            }
            case FEE_WAIVER -> {
                if (a.feeWaived() == null) {
                    errors.add(new Violation(prefix + "feeWaived", "is required for FEE_WAIVER"));
                } else {
                    range(errors, prefix + "feeWaived", a.feeWaived(), new BigDecimal("0.01"), MAX_AMOUNT, false);
                }
            }
            case RELATIONSHIP_MANAGER_CALL, FINANCIAL_COUNSELLING -> {
                // a task: only fixedCost and churnReduction apply, checked above
            }
        }
    }

    private static void rateTerms(List<Violation> errors, String prefix, PlaybookRule.Action a, boolean required) {
        if (a.newAnnualRate() != null && a.rateReduction() != null) {
            errors.add(new Violation(prefix + "newAnnualRate", "give newAnnualRate or rateReduction, not both"));
        } else if (a.newAnnualRate() == null && a.rateReduction() == null && required) {
            errors.add(new Violation(prefix + "newAnnualRate", a.kind() + " needs newAnnualRate or rateReduction"));
        }
        range(errors, prefix + "newAnnualRate", a.newAnnualRate(), BigDecimal.ZERO, MAX_RATE, false);
        if (a.rateReduction() != null && (a.rateReduction().signum() <= 0 || a.rateReduction().compareTo(MAX_REDUCTION) > 0)) {
            errors.add(new Violation(prefix + "rateReduction", "must be above 0 and at most 0.2 (20 points)"));
        }
        range(errors, prefix + "minAnnualRate", a.minAnnualRate(), BigDecimal.ZERO, MAX_RATE, false);
        if (a.minAnnualRate() != null && a.rateReduction() == null) {
            errors.add(new Violation(prefix + "minAnnualRate", "only applies with rateReduction"));
        }
    }

    private static void months(List<Violation> errors, String field, Integer value, int max) {
        if (value == null || value < 1 || value > max) {
            errors.add(new Violation(field, "must be 1.." + max));
        }
    }

    private static void range(List<Violation> errors, String field, BigDecimal value, BigDecimal min, BigDecimal max, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(new Violation(field, "is required, " + min + ".." + max));
            }
            return;
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            errors.add(new Violation(field, "must be " + min.toPlainString() + ".." + max.toPlainString()));
        }
    }

    private static void allowedOnlyFor(List<Violation> errors, String field, Object value, boolean applies, InterventionKind kind) {
        if (value != null && !applies) {
            errors.add(new Violation(field, "does not apply to " + kind));
        }
    }

    private static void tokens(List<Violation> errors, String field, List<String> values) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v == null || !TOKEN.matcher(v.toUpperCase(Locale.ROOT)).matches()) {
                errors.add(new Violation(field + "[" + i + "]", "must be a code such as HIGH or GOLD (letters, digits, _)"));
            }
        }
    }
}

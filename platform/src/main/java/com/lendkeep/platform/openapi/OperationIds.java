package com.lendkeep.platform.openapi;

import java.util.Locale;
import java.util.Set;

/**
 * Turns the scanner's {@code Class_method} ids (strategy CLASS_METHOD, set in the platform's
 * microprofile-config.properties) into verb-noun ids a generated client can name its methods after:
 * {@code LoanResource_open} -> {@code openLoan}, {@code LoanResource_versions} -> {@code getLoanVersions},
 * {@code LoanResource_forCustomer} -> {@code listLoansForCustomer}, {@code ContactResource_getPreferences} ->
 * {@code getContactPreferences}. An id given in {@code @Operation}
 * is kept as it is; the services give one where two services would otherwise get the same id.
 */
final class OperationIds {

    /** First words of resource methods that already say what the operation does. */
    private static final Set<String> VERBS = Set.of("get", "list", "create", "update", "delete", "put", "open", "repay", "register",
            "record", "log", "erase", "approve", "reject", "offer", "accept", "decline", "withdraw", "expire", "complete", "cancel",
            "reassign", "propose", "train", "activate", "challenge", "retire", "request", "reverse", "refund", "recover", "advance",
            "submit", "disburse", "charge", "stop", "ping", "search", "replace", "add", "remove", "run", "check", "close", "quote");

    private OperationIds() {
    }

    static String of(String scanned) {
        if (scanned == null || !scanned.contains("_")) {
            return scanned;
        }
        String className = scanned.substring(0, scanned.indexOf('_'));
        String method = scanned.substring(scanned.indexOf('_') + 1);
        String noun = className.endsWith("Resource") ? className.substring(0, className.length() - "Resource".length()) : className;
        boolean namesNoun = method.toLowerCase(Locale.ROOT).contains(noun.toLowerCase(Locale.ROOT));
        if (method.startsWith("for") && method.length() > 3 && Character.isUpperCase(method.charAt(3))) {
            return "list" + noun + "s" + capitalise(method);
        }
        if (method.equals("list")) {
            return "list" + noun + "s";
        }
        String verb = firstWord(method);
        if (VERBS.contains(verb)) {
            // getPreferences of ContactResource -> getContactPreferences
            return namesNoun ? method : verb + noun + method.substring(verb.length());
        }
        return "get" + (namesNoun ? capitalise(method) : noun + capitalise(method));
    }

    private static String firstWord(String camel) {
        int i = 1;
        while (i < camel.length() && !Character.isUpperCase(camel.charAt(i))) {
            i++;
        }
        return camel.substring(0, i);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

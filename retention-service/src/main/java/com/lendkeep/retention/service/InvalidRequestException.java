package com.lendkeep.retention.service;

import java.util.List;
import java.util.stream.Collectors;

import com.lendkeep.retention.rules.Violation;

/** Input that breaks one or more rules; answered 400 with every field listed. */
public class InvalidRequestException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidRequestException(List<Violation> violations) {
        super("invalid request: " + violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}

package com.lendkeep.retention.domain;

/** Where the playbook stands for an alert case. */
public enum CaseEvaluation {
    /** The playbook ran; its candidates are recorded. */
    EVALUATED,
    /** Control group: the playbook ran and its choice is recorded (CONTROL_GROUP), but nothing is proposed, by design. */
    HELD_OUT,
    /**
     * The alert names a loan whose LOAN_OPENED has not arrived yet (control group too); decided when it does or when the
     * wait runs out.
     */
    WAITING_FOR_LOAN,
    /**
     * The wait for the loan's LOAN_OPENED ran out: the playbook ran on what is known (tasks can go ahead;
     * loan relief is ineligible, saying the loan's terms are missing). Evaluated again if LOAN_OPENED arrives.
     */
    LOAN_TERMS_MISSING,
    /** The customer was erased before the alert could be treated. */
    SKIPPED;

    /** The decision has run for the case, so an escalation or update runs it again (the control group's too, held out). */
    public boolean evaluated() {
        return this == EVALUATED || this == LOAN_TERMS_MISSING || this == HELD_OUT;
    }
}

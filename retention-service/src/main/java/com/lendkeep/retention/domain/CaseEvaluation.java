package com.lendkeep.retention.domain;

/** Where the playbook stands for an alert case. */
public enum CaseEvaluation {
    /** The playbook ran; its candidates are recorded. */
    EVALUATED,
    /** Control group: no intervention, by design. */
    HELD_OUT,
    /** The alert names a loan whose LOAN_OPENED has not arrived yet; evaluated when it does. */
    WAITING_FOR_LOAN,
    /** The customer was erased before the alert could be treated. */
    SKIPPED
}

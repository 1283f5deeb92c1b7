package org.signoff.ticket.api;

/** How the job went when the requester ran it in the Sandbox. */
public enum TestOutcome {
    SUCCEEDED,
    COMPLETED_WITH_ERRORS,
    FAILED
}

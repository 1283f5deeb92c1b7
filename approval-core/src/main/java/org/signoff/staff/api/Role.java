package org.signoff.staff.api;

/** What a person may do in the sign-off process. */
public enum Role {
    /** asks for jobs, reads, tests in the Sandbox */
    STAFF,
    /** grants Sandbox access, reviews tests, approves, denies and revokes; maintains the job catalog */
    SYSTEMS_LIBRARIAN,
    /** submits the role request form for the units they are liaison of */
    LIAISON,
    /** updates production permissions after a role request */
    SUPPORT_TEAM,
    /** reads the history */
    AUDITOR,
    /** maintains the staff directory and the job catalog */
    ADMIN,
    /** leads training classes and records who attended them */
    TRAINER,
    /** assists at training classes and records who attended them */
    FACILITATOR
}

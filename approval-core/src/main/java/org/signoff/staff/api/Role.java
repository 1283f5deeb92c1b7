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
    FACILITATOR,
    /**
     * registers the consortium's institutions and defines its shared jobs; held in the default institution, the one
     * that runs the engine
     */
    CONSORTIUM_ADMIN,
    /** reads the consortium's shared analytics; held in the default institution */
    CONSORTIUM_ANALYST
}

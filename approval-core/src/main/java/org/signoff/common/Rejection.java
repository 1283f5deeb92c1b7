package org.signoff.common;

/**
 * Why a command was refused. The name is the stable error code; the kind says how a caller should read it.
 */
public enum Rejection {
    UNKNOWN_TICKET(Kind.NOT_FOUND),
    UNKNOWN_JOB(Kind.NOT_FOUND),
    UNKNOWN_STAFF(Kind.NOT_FOUND),
    UNKNOWN_CLIENT(Kind.NOT_FOUND),
    UNKNOWN_SUBSCRIPTION(Kind.NOT_FOUND),
    UNKNOWN_CAMPAIGN(Kind.NOT_FOUND),
    UNKNOWN_READ_MODEL(Kind.NOT_FOUND),
    /** an institution the engine does not hold, or an id that is not the caller's institution's */
    UNKNOWN_INSTITUTION(Kind.NOT_FOUND),

    UNKNOWN_PERFORMER(Kind.FORBIDDEN),
    NOT_THE_REQUESTER(Kind.FORBIDDEN),
    ROLE_REQUIRED(Kind.FORBIDDEN),
    NOT_LIAISON_OF_UNIT(Kind.FORBIDDEN),
    PERFORMER_LEFT(Kind.FORBIDDEN),

    STEP_OUT_OF_ORDER(Kind.CONFLICT),
    ALREADY_CONFIRMED(Kind.CONFLICT),
    TICKET_ALREADY_OPEN(Kind.CONFLICT),
    SUPPORT_TICKET_REF_IN_USE(Kind.CONFLICT),
    ALREADY_EXISTS(Kind.CONFLICT),
    ALREADY_RETIRED(Kind.CONFLICT),
    ADMINISTRATOR_EXISTS(Kind.CONFLICT),
    CLIENT_REVOKED(Kind.CONFLICT),
    STAFF_MEMBER_LEFT(Kind.CONFLICT),
    STAFF_MEMBER_NOT_LEFT(Kind.CONFLICT),
    ERASURE_UNAVAILABLE(Kind.CONFLICT),
    REBUILD_IN_PROGRESS(Kind.CONFLICT),
    ALMA_PRIMARY_ID_IN_USE(Kind.CONFLICT),
    /** the person's attendance of that class on that day is already recorded */
    ATTENDANCE_ALREADY_RECORDED(Kind.CONFLICT),

    SELF_REVIEW(Kind.RULE),
    OWN_TICKET(Kind.RULE),
    READINGS_NOT_CONFIRMED(Kind.RULE),
    /** the requester has not attended every training class the job requires */
    CLASSES_NOT_ATTENDED(Kind.RULE),
    /** a person recording their own attendance: the training a request rests on is someone else's word */
    OWN_ATTENDANCE(Kind.RULE),
    UNKNOWN_READING(Kind.RULE),
    OUTDATED_READING_VERSION(Kind.RULE),
    JOB_RETIRED(Kind.RULE),
    VARIANT_REQUIRED(Kind.RULE),
    UNKNOWN_VARIANT(Kind.RULE),
    INVALID_DEFINITION(Kind.RULE),
    /** a job is to require, or a person to have attended, a training class the catalog does not have */
    UNKNOWN_TRAINING_CLASS(Kind.RULE),
    LAST_ADMINISTRATOR(Kind.RULE),
    /** the Alma run named as a test's evidence is of another job than the ticket's */
    ALMA_RUN_OF_ANOTHER_JOB(Kind.RULE),
    /** the Alma run named as a test's evidence was submitted by someone other than the requester */
    ALMA_RUN_BY_ANOTHER_PERSON(Kind.RULE),
    /** the Alma run named as a test's evidence has not ended */
    ALMA_RUN_NOT_FINISHED(Kind.RULE),
    /** the Alma run named as a test's evidence started before the Sandbox access was granted */
    ALMA_RUN_BEFORE_GRANT(Kind.RULE),
    /** Alma's Sandbox knows no run of the ticket's job by the reference given */
    ALMA_RUN_UNKNOWN(Kind.RULE);

    /** How a rejection maps onto the outcome a caller sees. */
    public enum Kind {
        /** the ticket, job or person named does not exist */
        NOT_FOUND,
        /** the performer may not do this */
        FORBIDDEN,
        /** out of order, repeated, or clashes with current state */
        CONFLICT,
        /** well formed, but against a business rule */
        RULE
    }

    private final Kind kind;

    Rejection(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public CommandRejected because(String message) {
        return new CommandRejected(this, message);
    }
}

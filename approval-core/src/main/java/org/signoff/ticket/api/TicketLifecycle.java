package org.signoff.ticket.api;

import java.util.Optional;

/**
 * The state table of the process: the status a ticket reaches with each event. The aggregate and every read model
 * follow this one table.
 *
 * <pre>
 * event                      status after
 * SignOffStarted             READING
 * SignOffMigrated            COMPLETED (a sign-off from before the engine)
 * ReadingConfirmed           (unchanged)
 * JobAccessRequested         AWAITING_SANDBOX_GRANT
 * SandboxAccessGranted       AWAITING_TEST
 * SandboxTestReported        AWAITING_REVIEW
 * RetestRequested            AWAITING_TEST
 * ProductionUseApproved      AWAITING_ROLE_REQUEST if a role update is needed, else COMPLETED
 * ProductionUseDenied        DENIED
 * RoleRequestSubmitted       AWAITING_ROLE_UPDATE
 * ProductionRoleUpdated      COMPLETED
 * RequestWithdrawn           WITHDRAWN
 * ProductionUseRevoked       REVOKED
 * DeadlinesScheduled         (unchanged)
 * ReminderIssued             (unchanged)
 * SandboxRunSeen             (unchanged)
 * TicketEscalated            (unchanged)
 * SandboxAccessExpired       AWAITING_SANDBOX_GRANT
 * SignOffValidUntil          (unchanged)
 * RecertificationRequested   (unchanged)
 * ProductionUseRecertified   (unchanged)
 * ProductionUseLapsed        LAPSED
 * RequesterLeft              REQUESTER_LEFT
 * ReattestationRequired      (unchanged)
 * ProductionUseSuspended     SUSPENDED
 * ProductionUseReinstated    the status it had when suspended
 * </pre>
 */
public final class TicketLifecycle {

    /** Where every ticket starts. */
    public static final TicketStatus OPENED = TicketStatus.READING;

    private TicketLifecycle() {}

    public static TicketStatus statusAfter(TicketStatus before, TicketEvent event) {
        return statusSetBy(event).orElse(before);
    }

    /** The status an event leads to whatever came before; empty for an event that leaves the status as it was. */
    public static Optional<TicketStatus> statusSetBy(TicketEvent event) {
        if (event instanceof SignOffStarted) {
            return Optional.of(OPENED);
        } else if (event instanceof SignOffMigrated) {
            return Optional.of(TicketStatus.COMPLETED);
        } else if (event instanceof ReadingConfirmed
                || event instanceof DeadlinesScheduled
                || event instanceof ReminderIssued
                || event instanceof SandboxRunSeen
                || event instanceof TicketEscalated
                || event instanceof SignOffValidUntil
                || event instanceof RecertificationRequested
                || event instanceof ProductionUseRecertified
                || event instanceof ReattestationRequired
                || event instanceof ProductionRolesTakenBack) {
            return Optional.empty();
        } else if (event instanceof JobAccessRequested || event instanceof SandboxAccessExpired) {
            return Optional.of(TicketStatus.AWAITING_SANDBOX_GRANT);
        } else if (event instanceof SandboxAccessGranted || event instanceof RetestRequested) {
            return Optional.of(TicketStatus.AWAITING_TEST);
        } else if (event instanceof SandboxTestReported) {
            return Optional.of(TicketStatus.AWAITING_REVIEW);
        } else if (event instanceof ProductionUseApproved approved) {
            return Optional.of(
                    approved.roleUpdateNeeded() ? TicketStatus.AWAITING_ROLE_REQUEST : TicketStatus.COMPLETED);
        } else if (event instanceof ProductionUseDenied) {
            return Optional.of(TicketStatus.DENIED);
        } else if (event instanceof RoleRequestSubmitted) {
            return Optional.of(TicketStatus.AWAITING_ROLE_UPDATE);
        } else if (event instanceof ProductionRoleUpdated) {
            return Optional.of(TicketStatus.COMPLETED);
        } else if (event instanceof RequestWithdrawn) {
            return Optional.of(TicketStatus.WITHDRAWN);
        } else if (event instanceof ProductionUseRevoked) {
            return Optional.of(TicketStatus.REVOKED);
        } else if (event instanceof ProductionUseLapsed) {
            return Optional.of(TicketStatus.LAPSED);
        } else if (event instanceof RequesterLeft) {
            return Optional.of(TicketStatus.REQUESTER_LEFT);
        } else if (event instanceof ProductionUseSuspended) {
            return Optional.of(TicketStatus.SUSPENDED);
        } else if (event instanceof ProductionUseReinstated reinstated) {
            return Optional.of(reinstated.resumes());
        }
        throw new IllegalArgumentException("Not a ticket event the lifecycle knows: " + event);
    }
}

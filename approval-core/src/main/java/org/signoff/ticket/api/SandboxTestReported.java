package org.signoff.ticket.api;

import org.axonframework.serialization.Revision;

import org.signoff.common.FreeText;
import org.signoff.staff.api.StaffId;

/**
 * The requester reported their Sandbox test.
 *
 * <p>Revision 2 keeps the test's evidence together, with links to its proof ({@link TestEvidence}). Revision 1 (stored
 * without a revision) had the job instance, record count and outcome as fields of their own; it is read through
 * {@code SandboxTestReportedUpcaster} in the service.
 *
 * <p>{@code almaRun} is the run as Alma's Sandbox answered for it, when the evidence was verified there; otherwise
 * {@code notVerifiedBecause} says why it was typed. Both are absent from the events recorded before the engine read
 * Alma: typed then.
 */
@Revision("2")
public record SandboxTestReported(
        TicketId ticketId,
        TestEvidence evidence,
        @FreeText String notes,
        StaffId performedBy,
        SandboxRun almaRun,
        String notVerifiedBecause)
        implements TicketEvent {

    /** Typed by hand. */
    public SandboxTestReported(TicketId ticketId, TestEvidence evidence, String notes, StaffId performedBy) {
        this(ticketId, evidence, notes, performedBy, null, null);
    }
}

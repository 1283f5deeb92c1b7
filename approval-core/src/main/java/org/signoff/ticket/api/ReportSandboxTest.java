package org.signoff.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import org.signoff.staff.api.StaffId;

/**
 * Step 4: the requester reports what was run in the Sandbox, and what it showed; {@code alma} says whether the run
 * was read from Alma's Sandbox (then the ticket checks it is this test's) or typed, and why ({@code null}: typed,
 * no reason given).
 */
public record ReportSandboxTest(
        @TargetAggregateIdentifier TicketId ticketId,
        TestEvidence evidence,
        String notes,
        StaffId performedBy,
        @TargetAggregateVersion Long expectedVersion,
        AlmaCheck alma) {

    /** Typed by hand, at the version expected. */
    public ReportSandboxTest(
            TicketId ticketId, TestEvidence evidence, String notes, StaffId performedBy, Long expectedVersion) {
        this(ticketId, evidence, notes, performedBy, expectedVersion, null);
    }

    /** Typed by hand, whatever version the ticket is at. */
    public ReportSandboxTest(TicketId ticketId, TestEvidence evidence, String notes, StaffId performedBy) {
        this(ticketId, evidence, notes, performedBy, null, null);
    }
}

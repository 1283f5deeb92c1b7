package org.signoff.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import org.signoff.staff.api.StaffId;

/** Step 4: the requester reports what was run in the Sandbox, and what it showed. */
public record ReportSandboxTest(
        @TargetAggregateIdentifier TicketId ticketId,
        TestEvidence evidence,
        String notes,
        StaffId performedBy,
        @TargetAggregateVersion Long expectedVersion) {
    /** Whatever version the ticket is at. */
    public ReportSandboxTest(TicketId ticketId, TestEvidence evidence, String notes, StaffId performedBy) {
        this(ticketId, evidence, notes, performedBy, null);
    }
}

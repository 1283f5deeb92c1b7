package org.signoff.ticket.api;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import org.signoff.staff.api.StaffId;

/** Step 3: a systems librarian grants the job in the Sandbox and names the training material sent. */
public record GrantSandboxAccess(
        @TargetAggregateIdentifier TicketId ticketId,
        List<String> trainingMaterials,
        StaffId performedBy,
        @TargetAggregateVersion Long expectedVersion) {
    public GrantSandboxAccess {
        trainingMaterials = trainingMaterials == null ? List.of() : List.copyOf(trainingMaterials);
    }

    /** Whatever version the ticket is at. */
    public GrantSandboxAccess(TicketId ticketId, List<String> trainingMaterials, StaffId performedBy) {
        this(ticketId, trainingMaterials, performedBy, null);
    }
}

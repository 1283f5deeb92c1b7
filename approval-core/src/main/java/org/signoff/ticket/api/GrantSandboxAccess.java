package org.signoff.ticket.api;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.signoff.staff.api.StaffId;

/** Step 3: a systems librarian grants the job in the Sandbox and names the training material sent. */
public record GrantSandboxAccess(
        @TargetAggregateIdentifier TicketId ticketId, List<String> trainingMaterials, StaffId performedBy) {

    public GrantSandboxAccess {
        trainingMaterials = trainingMaterials == null ? List.of() : List.copyOf(trainingMaterials);
    }
}

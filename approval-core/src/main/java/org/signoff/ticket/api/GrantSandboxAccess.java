package org.signoff.ticket.api;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import org.signoff.catalog.api.AlmaRole;
import org.signoff.staff.api.StaffId;

/**
 * Step 3: a systems librarian grants the job in the Sandbox and names the training material sent.
 *
 * @param almaRolesAdded the roles added to the requester's Sandbox user in Alma just before, or null for a grant by
 *                       hand
 */
public record GrantSandboxAccess(
        @TargetAggregateIdentifier TicketId ticketId,
        List<String> trainingMaterials,
        StaffId performedBy,
        List<AlmaRole> almaRolesAdded,
        @TargetAggregateVersion Long expectedVersion) {
    public GrantSandboxAccess {
        trainingMaterials = trainingMaterials == null ? List.of() : List.copyOf(trainingMaterials);
        almaRolesAdded = almaRolesAdded == null ? null : List.copyOf(almaRolesAdded);
    }

    /** A grant by hand, decided on this version of the ticket. */
    public GrantSandboxAccess(
            TicketId ticketId, List<String> trainingMaterials, StaffId performedBy, Long expectedVersion) {
        this(ticketId, trainingMaterials, performedBy, null, expectedVersion);
    }

    /** A grant by hand, whatever version the ticket is at. */
    public GrantSandboxAccess(TicketId ticketId, List<String> trainingMaterials, StaffId performedBy) {
        this(ticketId, trainingMaterials, performedBy, null, null);
    }
}

package org.signoff.ticket.api;

import java.util.List;

import org.signoff.catalog.api.AlmaRole;
import org.signoff.staff.api.StaffId;

/**
 * Step 3 done: the Sandbox access granted, the training material named.
 *
 * @param almaRolesAdded the roles the engine added to the requester's Sandbox user in Alma (empty: they held them
 *                       all); null when the grant was not made through the engine, as in every grant before issue 31
 */
public record SandboxAccessGranted(
        TicketId ticketId, List<String> trainingMaterials, StaffId performedBy, List<AlmaRole> almaRolesAdded)
        implements TicketEvent {

    /** A grant made by hand, outside the engine. */
    public SandboxAccessGranted(TicketId ticketId, List<String> trainingMaterials, StaffId performedBy) {
        this(ticketId, trainingMaterials, performedBy, null);
    }
}

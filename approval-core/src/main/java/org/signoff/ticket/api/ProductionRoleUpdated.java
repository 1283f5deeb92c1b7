package org.signoff.ticket.api;

import java.util.List;

import org.signoff.catalog.api.AlmaRole;
import org.signoff.common.FreeText;
import org.signoff.staff.api.StaffId;

/**
 * Step 6 done: the production role is in place.
 *
 * @param almaRolesAdded the roles the engine added to the requester's production user in Alma (empty: they held them
 *                       all); null when the role was not applied through the engine, as in every update before issue 31
 */
public record ProductionRoleUpdated(
        TicketId ticketId, @FreeText String note, StaffId performedBy, List<AlmaRole> almaRolesAdded)
        implements TicketEvent {

    /** An update made by hand, outside the engine. */
    public ProductionRoleUpdated(TicketId ticketId, String note, StaffId performedBy) {
        this(ticketId, note, performedBy, null);
    }
}

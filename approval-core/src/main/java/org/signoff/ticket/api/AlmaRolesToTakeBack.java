package org.signoff.ticket.api;

import java.util.List;

import org.signoff.catalog.api.AlmaRole;
import org.signoff.staff.api.StaffId;

/**
 * What {@link CheckProductionRolesTakeBack} answers: whose production user loses which of the roles the engine added
 * for the ticket, and which stay because another of the person's tickets (in force, suspended or on its way) is for
 * a job that needs them. An answer, never stored.
 */
public record AlmaRolesToTakeBack(
        StaffId requester, TicketStatus status, List<AlmaRole> toRemove, List<AlmaRole> toKeep) {

    public AlmaRolesToTakeBack {
        toRemove = List.copyOf(toRemove);
        toKeep = List.copyOf(toKeep);
    }
}

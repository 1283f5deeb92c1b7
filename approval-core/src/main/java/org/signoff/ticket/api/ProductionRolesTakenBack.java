package org.signoff.ticket.api;

import java.util.List;

import org.signoff.catalog.api.AlmaRole;
import org.signoff.staff.api.StaffId;

/**
 * The sign-off ended, and the production roles the engine had added for it were taken from the requester's user in
 * Alma, but those another of their tickets still needs.
 *
 * @param rolesRemoved the roles Alma took (none when the user no longer held them)
 * @param rolesKept    the roles left for another ticket of the person's that needs them; a later take-back may
 *                     take them once that one has ended too
 */
public record ProductionRolesTakenBack(
        TicketId ticketId, List<AlmaRole> rolesRemoved, List<AlmaRole> rolesKept, StaffId performedBy)
        implements TicketEvent {}

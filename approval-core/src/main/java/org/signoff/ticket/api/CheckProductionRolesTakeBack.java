package org.signoff.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import org.signoff.staff.api.StaffId;

/**
 * Before roles are taken from Alma: may {@code performedBy} take back the production roles the engine added for this
 * sign-off now, and which? Answers {@link AlmaRolesToTakeBack} and records nothing.
 * {@code performedBy} null: the engine itself, where the take-back is automatic.
 */
public record CheckProductionRolesTakeBack(
        @TargetAggregateIdentifier TicketId ticketId,
        StaffId performedBy,
        @TargetAggregateVersion Long expectedVersion) {}

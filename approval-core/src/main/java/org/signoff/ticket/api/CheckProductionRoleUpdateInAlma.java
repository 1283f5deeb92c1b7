package org.signoff.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.signoff.staff.api.StaffId;

/**
 * Before step 6 writes to Alma: may {@code performedBy} confirm the production role update now, by that step's own
 * rules, and which production roles does the ticket's job need? Answers {@link AlmaRolesToApply} and records
 * nothing; a refusal is the step's own, and Alma is then not written to.
 */
public record CheckProductionRoleUpdateInAlma(
        @TargetAggregateIdentifier TicketId ticketId, StaffId performedBy) {}

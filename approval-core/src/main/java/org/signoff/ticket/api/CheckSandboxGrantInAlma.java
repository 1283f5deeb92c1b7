package org.signoff.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.signoff.staff.api.StaffId;

/**
 * Before step 3 writes to Alma: may {@code performedBy} grant Sandbox access now, by the grant's own rules, and which
 * Sandbox roles does the ticket's job need? Answers {@link AlmaRolesToApply} and records nothing; a refusal is the
 * grant's own, and Alma is then not written to.
 */
public record CheckSandboxGrantInAlma(
        @TargetAggregateIdentifier TicketId ticketId, StaffId performedBy) {}

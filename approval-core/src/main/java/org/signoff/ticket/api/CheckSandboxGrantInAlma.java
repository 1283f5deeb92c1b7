package org.signoff.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import org.signoff.staff.api.StaffId;

/**
 * Before step 3 writes to Alma: may {@code performedBy} grant Sandbox access now, by the grant's own rules, and which
 * Sandbox roles does the ticket's job need? Answers {@link AlmaRolesToApply} and records nothing; a refusal is the
 * grant's own, and Alma is then not written to. A version named is the one the grant will be sent with.
 */
public record CheckSandboxGrantInAlma(
        @TargetAggregateIdentifier TicketId ticketId,
        StaffId performedBy,
        @TargetAggregateVersion Long expectedVersion) {

    /** Whatever version the ticket is at. */
    public CheckSandboxGrantInAlma(TicketId ticketId, StaffId performedBy) {
        this(ticketId, performedBy, null);
    }
}

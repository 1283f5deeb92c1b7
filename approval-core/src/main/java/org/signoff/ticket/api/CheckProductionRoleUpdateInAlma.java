package org.signoff.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import org.signoff.staff.api.StaffId;

/**
 * Before step 6 writes to Alma: may {@code performedBy} confirm the production role update now, by that step's own
 * rules, and which production roles does the ticket's job need? Answers {@link AlmaRolesToApply} and records
 * nothing; a refusal is the step's own, and Alma is then not written to. A version named is the one the update will
 * be sent with.
 */
public record CheckProductionRoleUpdateInAlma(
        @TargetAggregateIdentifier TicketId ticketId,
        StaffId performedBy,
        @TargetAggregateVersion Long expectedVersion) {

    /** Whatever version the ticket is at. */
    public CheckProductionRoleUpdateInAlma(TicketId ticketId, StaffId performedBy) {
        this(ticketId, performedBy, null);
    }
}

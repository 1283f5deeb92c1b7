package org.signoff.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.signoff.staff.api.StaffId;

/** Step 6: the support team has updated production permissions; the ticket completes. */
public record ConfirmProductionRoleUpdate(
        @TargetAggregateIdentifier TicketId ticketId, String note, StaffId performedBy) {}

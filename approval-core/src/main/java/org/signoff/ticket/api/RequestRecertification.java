package org.signoff.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.signoff.staff.api.StaffId;

/** A recertification campaign asks for a sign-off in force to be recertified (or revoked). */
public record RequestRecertification(
        @TargetAggregateIdentifier TicketId ticketId, String campaignId, String reason, StaffId performedBy) {}

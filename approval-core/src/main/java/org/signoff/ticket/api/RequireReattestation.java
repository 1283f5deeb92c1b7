package org.signoff.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.signoff.staff.api.StaffId;

/**
 * The job's required reading changed: a sign-off in force that rests on an older version of a document needs its
 * holder to confirm the new one. A ticket with nothing to confirm again takes no step.
 */
public record RequireReattestation(
        @TargetAggregateIdentifier TicketId ticketId, StaffId performedBy) {}

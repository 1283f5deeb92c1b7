package org.signoff.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.signoff.catalog.api.JobId;
import org.signoff.staff.api.StaffId;

/** Opens a ticket for the performer to get sign-off on a job (and variant, where the job signs off per variant). Step 1 begins. */
public record StartSignOff(
        @TargetAggregateIdentifier TicketId ticketId, JobId jobId, String variant, StaffId performedBy) {}

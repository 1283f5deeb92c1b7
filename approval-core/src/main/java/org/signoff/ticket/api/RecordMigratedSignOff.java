package org.signoff.ticket.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.signoff.catalog.api.JobId;
import org.signoff.staff.api.StaffId;

/**
 * An administrator brings in a sign-off given before the engine (a line of the old master list): the person is
 * signed off without going through the six steps again. {@code signedOffAt} and {@code approvedBy} are null where
 * the old list does not say.
 */
public record RecordMigratedSignOff(
        @TargetAggregateIdentifier TicketId ticketId,
        StaffId staffId,
        JobId jobId,
        String variant,
        Instant signedOffAt,
        StaffId approvedBy,
        MigrationSource source,
        StaffId performedBy) {}

package org.signoff.ticket.api;

import java.time.Instant;

import org.signoff.catalog.api.JobId;
import org.signoff.staff.api.StaffId;

/**
 * A sign-off given before the engine, brought in from the old master list: the person is on the master list from
 * {@code signedOffAt} (the import's time where the old list gives no date), with no Sandbox test on record.
 * {@code performedBy} ran the import; {@code source} says from where.
 */
public record SignOffMigrated(
        TicketId ticketId,
        StaffId staffId,
        JobId jobId,
        String variant,
        Instant signedOffAt,
        StaffId approvedBy,
        MigrationSource source,
        StaffId performedBy)
        implements TicketEvent, TicketOpened {}

package org.signoff.ticket.api;

import java.time.Instant;

import org.signoff.catalog.api.JobId;
import org.signoff.common.FreeText;
import org.signoff.staff.api.StaffId;

/**
 * The job's systems librarians are asked to recertify the sign-off (or revoke it): by the engine, before a sign-off
 * that expires lapses at {@code until}; or by a recertification campaign someone started (after an audit, say).
 *
 * @param until       when the sign-off lapses unless recertified; {@code null} for one that does not expire
 * @param campaignId  the campaign that asked, or {@code null} when the engine asked
 * @param reason      the campaign's reason
 * @param performedBy who started the campaign; {@code null} when the engine asked
 */
public record RecertificationRequested(
        TicketId ticketId,
        StaffId staffId,
        JobId jobId,
        Instant until,
        String campaignId,
        @FreeText String reason,
        StaffId performedBy)
        implements TicketEvent {

    /** The engine asks, ahead of the end of the period. */
    public static RecertificationRequested beforeLapse(TicketId ticketId, StaffId staffId, JobId jobId, Instant until) {
        return new RecertificationRequested(ticketId, staffId, jobId, until, null, null, null);
    }
}

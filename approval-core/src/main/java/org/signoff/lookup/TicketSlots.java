package org.signoff.lookup;

import java.util.Optional;

import org.signoff.catalog.api.JobId;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.TicketId;

/**
 * One ticket at a time per staff member, job and variant: a ticket holds its slot from opening until it is denied,
 * withdrawn or revoked. A completed ticket keeps it: the person is already signed off.
 */
public interface TicketSlots {

    /** The ticket holding the slot, if any. {@code variant} is null for a job without variants. */
    Optional<TicketId> holder(StaffId staffId, JobId jobId, String variant);
}

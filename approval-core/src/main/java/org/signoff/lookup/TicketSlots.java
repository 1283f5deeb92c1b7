package org.signoff.lookup;

import java.util.List;
import java.util.Optional;

import org.signoff.catalog.api.JobId;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.TicketId;

/**
 * One ticket at a time per staff member, job and variant: a ticket holds its slot from opening for as long as its
 * status {@linkplain org.signoff.ticket.api.TicketStatus#holdsSlot() holds it}.
 */
public interface TicketSlots {

    /** The ticket holding the slot, if any. {@code variant} is null for a job without variants. */
    Optional<TicketId> holder(StaffId staffId, JobId jobId, String variant);

    /** Every ticket of the staff member holding a slot: the open ones and the sign-offs in force. */
    List<TicketId> heldBy(StaffId staffId);

    /** The job of each ticket of the staff member holding a slot: what their open tickets and sign-offs are for. */
    java.util.Map<TicketId, JobId> jobsHeldBy(StaffId staffId);

    /** Every ticket of the job holding a slot, whoever holds it. */
    List<TicketId> heldFor(JobId jobId);
}

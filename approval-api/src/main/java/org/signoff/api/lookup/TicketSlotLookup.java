package org.signoff.api.lookup;

import java.util.List;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.signoff.catalog.api.JobId;
import org.signoff.common.Rejection;
import org.signoff.lookup.TicketSlots;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.SignOffMigrated;
import org.signoff.ticket.api.SignOffStarted;
import org.signoff.ticket.api.TicketEvent;
import org.signoff.ticket.api.TicketId;
import org.signoff.ticket.api.TicketLifecycle;
import org.signoff.ticket.api.TicketOpened;

/**
 * Table {@code lookup_ticket_slot}: the ticket holding each (staff member, job, variant), one at most, the primary
 * key says so; {@code ''} stands for no variant.
 */
@Component
@ProcessingGroup(LookupConfiguration.PROCESSING_GROUP)
class TicketSlotLookup implements TicketSlots {

    private static final String NO_VARIANT = "";

    private final JdbcClient jdbc;

    TicketSlotLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<TicketId> holder(StaffId staffId, JobId jobId, String variant) {
        return jdbc.sql("SELECT ticket_id FROM lookup_ticket_slot WHERE staff_id = ? AND job_id = ? AND variant = ?")
                .params(staffId.value(), jobId.value(), variant == null ? NO_VARIANT : variant)
                .query(String.class)
                .optional()
                .map(TicketId::of);
    }

    @Override
    public List<TicketId> heldBy(StaffId staffId) {
        return jdbc
                .sql("SELECT ticket_id FROM lookup_ticket_slot WHERE staff_id = ? ORDER BY ticket_id")
                .param(staffId.value())
                .query(String.class)
                .list()
                .stream()
                .map(TicketId::of)
                .toList();
    }

    @Override
    public java.util.Map<TicketId, JobId> jobsHeldBy(StaffId staffId) {
        java.util.Map<TicketId, JobId> jobs = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT ticket_id, job_id FROM lookup_ticket_slot WHERE staff_id = ? ORDER BY ticket_id")
                .param(staffId.value())
                .query((rs, row) -> java.util.Map.entry(TicketId.of(rs.getString(1)), JobId.of(rs.getString(2))))
                .list()
                .forEach(slot -> jobs.put(slot.getKey(), slot.getValue()));
        return jobs;
    }

    @Override
    public List<TicketId> heldFor(JobId jobId) {
        return jdbc
                .sql("SELECT ticket_id FROM lookup_ticket_slot WHERE job_id = ? ORDER BY ticket_id")
                .param(jobId.value())
                .query(String.class)
                .list()
                .stream()
                .map(TicketId::of)
                .toList();
    }

    @EventHandler
    void on(SignOffStarted event) {
        hold(event);
    }

    @EventHandler
    void on(SignOffMigrated event) {
        hold(event);
    }

    private void hold(TicketOpened event) {
        try {
            jdbc.sql("INSERT INTO lookup_ticket_slot (staff_id, job_id, variant, ticket_id) VALUES (?, ?, ?, ?)")
                    .params(
                            event.staffId().value(),
                            event.jobId().value(),
                            event.variant() == null ? NO_VARIANT : event.variant(),
                            event.ticketId().value())
                    .update();
        } catch (DuplicateKeyException raceLost) {
            // two tickets for the same slot opened at once: the other one committed first
            throw Rejection.TICKET_ALREADY_OPEN.because(
                    "'" + event.staffId() + "' already has an open ticket for " + "job '" + event.jobId() + "'");
        }
    }

    @EventHandler
    void on(TicketEvent event) {
        TicketLifecycle.statusSetBy(event)
                .filter(status -> !status.holdsSlot())
                .ifPresent(ended -> jdbc.sql("DELETE FROM lookup_ticket_slot WHERE ticket_id = ?")
                        .param(event.ticketId().value())
                        .update());
    }
}

package org.signoff.api.lookup;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.signoff.catalog.api.JobChanged;
import org.signoff.catalog.api.JobRegistered;
import org.signoff.catalog.api.JobRetired;
import org.signoff.common.Rejection;
import org.signoff.staff.api.StaffMemberChanged;
import org.signoff.staff.api.StaffMemberRegistered;
import org.signoff.ticket.api.ProductionUseDenied;
import org.signoff.ticket.api.ProductionUseRevoked;
import org.signoff.ticket.api.RequestWithdrawn;
import org.signoff.ticket.api.SignOffStarted;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the command side's lookups in step with the events. It runs in a subscribing processor, inside the
 * transaction that appends the events, and its failures fail the command: the lookups never drift from the store.
 */
@Component
@ProcessingGroup(LookupMaintainer.PROCESSING_GROUP)
class LookupMaintainer {

    static final String PROCESSING_GROUP = "command-side-lookups";

    private final JdbcClient jdbc;
    private final JdbcLookups lookups;

    LookupMaintainer(JdbcClient jdbc, JdbcLookups lookups) {
        this.jdbc = jdbc;
        this.lookups = lookups;
    }

    @EventHandler
    void on(JobRegistered event) {
        jdbc.sql("INSERT INTO lookup_job (job_id, definition, retired) VALUES (?, ?, FALSE)")
                .params(event.jobId().value(), lookups.writeDefinition(event.definition())).update();
    }

    @EventHandler
    void on(JobChanged event) {
        jdbc.sql("UPDATE lookup_job SET definition = ? WHERE job_id = ?")
                .params(lookups.writeDefinition(event.definition()), event.jobId().value()).update();
    }

    @EventHandler
    void on(JobRetired event) {
        jdbc.sql("UPDATE lookup_job SET retired = TRUE WHERE job_id = ?").param(event.jobId().value()).update();
    }

    @EventHandler
    void on(StaffMemberRegistered event) {
        jdbc.sql("INSERT INTO lookup_staff (staff_id, unit, roles, liaison_units) VALUES (?, ?, ?, ?)")
                .params(event.staffId().value(), event.unit(), JdbcLookups.rolesColumn(event.roles()),
                        JdbcLookups.unitsColumn(event.liaisonUnits()))
                .update();
    }

    @EventHandler
    void on(StaffMemberChanged event) {
        jdbc.sql("UPDATE lookup_staff SET unit = ?, roles = ?, liaison_units = ? WHERE staff_id = ?")
                .params(event.unit(), JdbcLookups.rolesColumn(event.roles()),
                        JdbcLookups.unitsColumn(event.liaisonUnits()), event.staffId().value())
                .update();
    }

    @EventHandler
    void on(SignOffStarted event) {
        try {
            jdbc.sql("INSERT INTO lookup_ticket_slot (staff_id, job_id, variant, ticket_id) VALUES (?, ?, ?, ?)")
                    .params(event.staffId().value(), event.jobId().value(),
                            event.variant() == null ? JdbcLookups.NO_VARIANT : event.variant(),
                            event.ticketId().value())
                    .update();
        } catch (DuplicateKeyException raceLost) {
            // two tickets for the same slot opened at once: the other one committed first
            throw Rejection.TICKET_ALREADY_OPEN.because("'" + event.staffId() + "' already has an open ticket for "
                    + "job '" + event.jobId() + "'");
        }
    }

    @EventHandler
    void on(ProductionUseDenied event) {
        freeSlot(event.ticketId().value());
    }

    @EventHandler
    void on(RequestWithdrawn event) {
        freeSlot(event.ticketId().value());
    }

    @EventHandler
    void on(ProductionUseRevoked event) {
        freeSlot(event.ticketId().value());
    }

    private void freeSlot(String ticketId) {
        jdbc.sql("DELETE FROM lookup_ticket_slot WHERE ticket_id = ?").param(ticketId).update();
    }
}

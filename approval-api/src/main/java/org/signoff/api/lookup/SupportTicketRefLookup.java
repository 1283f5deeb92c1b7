package org.signoff.api.lookup;

import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.signoff.common.InstitutionScope;
import org.signoff.common.Rejection;
import org.signoff.lookup.SupportTicketRefs;
import org.signoff.ticket.api.JobAccessRequested;
import org.signoff.ticket.api.TicketEvent;
import org.signoff.ticket.api.TicketId;
import org.signoff.ticket.api.TicketLifecycle;
import org.signoff.ticket.api.TicketStatus;

/**
 * Table {@code lookup_open_support_ticket_ref}: the open ticket of each support ticket of an institution; the primary
 * key keeps it one within the institution.
 */
@Component
@ProcessingGroup(LookupConfiguration.PROCESSING_GROUP)
class SupportTicketRefLookup implements SupportTicketRefs {

    private final JdbcClient jdbc;

    SupportTicketRefLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<TicketId> holder(String supportTicketRef, TicketId asking) {
        return jdbc.sql("SELECT ticket_id FROM lookup_open_support_ticket_ref WHERE institution = ? "
                        + "AND support_ticket_ref = ?")
                .params(InstitutionScope.prefixOf(asking.value()), supportTicketRef)
                .query(String.class)
                .optional()
                .map(TicketId::of);
    }

    @EventHandler
    void on(JobAccessRequested event) {
        try {
            jdbc.sql("INSERT INTO lookup_open_support_ticket_ref (institution, support_ticket_ref, ticket_id) "
                            + "VALUES (?, ?, ?)")
                    .params(
                            InstitutionScope.prefixOf(event.ticketId().value()),
                            event.supportTicketRef(),
                            event.ticketId().value())
                    .update();
        } catch (DuplicateKeyException raceLost) {
            // two tickets named the same support ticket at once: the other one committed first
            throw Rejection.SUPPORT_TICKET_REF_IN_USE.because(
                    "Support ticket " + event.supportTicketRef() + " belongs to another open ticket");
        }
    }

    @EventHandler
    void on(TicketEvent event) {
        TicketLifecycle.statusSetBy(event)
                .filter(TicketStatus::closed)
                .ifPresent(closed -> jdbc.sql("DELETE FROM lookup_open_support_ticket_ref WHERE ticket_id = ?")
                        .param(event.ticketId().value())
                        .update());
    }
}

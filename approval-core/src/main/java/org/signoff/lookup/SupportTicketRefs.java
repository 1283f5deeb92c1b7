package org.signoff.lookup;

import java.util.Optional;

import org.signoff.ticket.api.TicketId;

/**
 * Which open ticket a support ticket of the ticketing system belongs to: one at most, so that the ticketing system
 * can address a sign-off by its own reference. A reference is free again once its ticket is closed.
 */
public interface SupportTicketRefs {

    /** The open ticket holding the reference among those of the asking ticket's institution. */
    Optional<TicketId> holder(String supportTicketRef, TicketId asking);
}

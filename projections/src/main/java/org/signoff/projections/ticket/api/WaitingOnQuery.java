package org.signoff.projections.ticket.api;

import java.time.Instant;
import java.util.Set;

import org.signoff.staff.api.Role;

/**
 * What waits on one person, longest waiting first: for a systems librarian the Sandbox grants and reviews of other
 * people's tickets, for a liaison the role requests of their units, for the support team the role updates, and
 * for anyone the steps of their own tickets that are theirs (readings, tests, a suspended sign-off's new reading).
 * A page holds at most {@code limit}, those after ({@code afterSince}, {@code afterTicketId}).
 *
 * @param inProgress every open ticket of the person instead, whoever it waits on (what they have under way)
 */
public record WaitingOnQuery(
        String staffId,
        Set<Role> roles,
        Set<String> liaisonUnits,
        boolean inProgress,
        Instant afterSince,
        String afterTicketId,
        int limit) {

    public WaitingOnQuery {
        roles = Set.copyOf(roles);
        liaisonUnits = Set.copyOf(liaisonUnits);
    }
}

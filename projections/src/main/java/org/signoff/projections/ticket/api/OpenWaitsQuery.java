package org.signoff.projections.ticket.api;

import org.signoff.common.InstitutionScope;

/**
 * Every open wait across the team, whoever must act (the requester, the systems librarians, a unit's liaison, the
 * support team): what the team view shows. At most {@code limit}, longest waiting first.
 */
public record OpenWaitsQuery(InstitutionScope within, int limit) {}

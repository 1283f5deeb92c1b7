package org.signoff.ticket.api;

import java.time.Instant;

/**
 * What a sign-off's recertification and expiry deadlines carry: the end of the period they were set for. Once the
 * sign-off is recertified (a new period) or ends, a deadline of an earlier period is stale and does nothing.
 */
public record SignOffDeadline(Instant until) {}

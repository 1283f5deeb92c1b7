package org.signoff.projections.ticket.api;

import java.time.Duration;
import java.util.List;

/**
 * One job over a period.
 *
 * @param opened           tickets opened in the period
 * @param completed        tickets that reached {@code COMPLETED} in it (signed off, role update done)
 * @param denied           tickets denied in it
 * @param withdrawn        tickets withdrawn in it
 * @param revoked          sign-offs revoked in it
 * @param steps            per step waited on: the waits that ended in the period, and how long they took
 * @param retestsPerTicket retests asked for in the period, per ticket whose test was reported in it
 * @param testedTickets    the tickets whose test was reported in the period: how many {@code retestsPerTicket} is of
 */
public record JobStatisticsView(
        String jobId,
        String name,
        String scope,
        long opened,
        long completed,
        long denied,
        long withdrawn,
        long revoked,
        List<StepTimes> steps,
        double retestsPerTicket,
        long testedTickets) {

    /**
     * @param step   the status waited on, e.g. {@code AWAITING_REVIEW}
     * @param waits  how many waits on it ended in the period
     * @param median the median wait (nearest rank)
     * @param p90    the 90th percentile (nearest rank)
     */
    public record StepTimes(String step, long waits, Duration median, Duration p90) {}
}

package org.signoff.api.alma;

import java.time.Instant;

import org.signoff.common.InstitutionScope;

/**
 * Alma said a job run ended ({@code JOB_END}), published once per notification as an application event; a listener
 * (the ticket's step, next) runs inside the transaction that marks the notification taken, so one that fails leaves
 * it untaken and Alma's retry brings it again. Nothing here is confirmed: read the instance from the Sandbox API
 * ({@link AlmaConnection#jobInstance}) before trusting a field of it.
 *
 * @param institution    whose Alma sent it (its webhook secret signed it)
 * @param notificationId Alma's id of the notification
 * @param sentAt         when Alma sent it, or null
 * @param instance       the run as the notification describes it: job id, instance id, status, counters, submitter
 */
public record AlmaJobEnded(
        InstitutionScope institution, String notificationId, Instant sentAt, AlmaJobInstance instance) {}

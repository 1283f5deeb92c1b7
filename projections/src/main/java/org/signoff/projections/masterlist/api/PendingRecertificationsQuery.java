package org.signoff.projections.masterlist.api;

import org.signoff.common.InstitutionScope;

/**
 * The recertification work queue: sign-offs whose systems librarians were asked to recertify them and that have not
 * ended, the soonest to lapse first.
 *
 * @param jobId only this job's, or {@code null} for all
 */
public record PendingRecertificationsQuery(InstitutionScope within, String jobId) {}

package org.signoff.projections.ticket.api;

import java.time.Instant;

import org.signoff.common.InstitutionScope;

/**
 * How the sign-offs of each job went over a period [{@code from}, {@code to}): of one scope or one job, or all
 * (null for no filter). Jobs in the catalog's order of scope and name.
 */
public record StepStatisticsQuery(InstitutionScope within, Instant from, Instant to, String scope, String jobId) {}

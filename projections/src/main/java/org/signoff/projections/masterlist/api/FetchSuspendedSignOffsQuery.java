package org.signoff.projections.masterlist.api;

import org.signoff.common.InstitutionScope;

/**
 * The sign-offs suspended now (a new version of a required reading not confirmed in time): off the master list
 * until the person confirms it, laid out as the list is, scope by scope and job by job. Only jobs where someone is
 * suspended.
 */
public record FetchSuspendedSignOffsQuery(InstitutionScope within) {}

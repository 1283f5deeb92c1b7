package org.signoff.catalog.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.signoff.staff.api.StaffId;

/**
 * Adds a job of the consortium's shared catalog to this institution's, as {@code jobId}, with its definition as the
 * consortium has it now (and the institution's own notes). Systems librarians and administrators may.
 */
public record AdoptSharedJob(
        @TargetAggregateIdentifier JobId jobId,
        SharedJobId sharedJobId,
        JobDefinition definition,
        StaffId performedBy) {}

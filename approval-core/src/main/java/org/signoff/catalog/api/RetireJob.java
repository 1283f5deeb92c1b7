package org.signoff.catalog.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.signoff.staff.api.StaffId;

/** Takes a job out of use: it accepts no new tickets. */
public record RetireJob(@TargetAggregateIdentifier JobId jobId, String reason, StaffId performedBy) {}

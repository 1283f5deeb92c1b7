package org.signoff.catalog.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.signoff.staff.api.StaffId;

/**
 * Says what the job is in Alma, replacing what was said before ({@link AlmaSide#NONE} empties it). The same side
 * again changes nothing. Systems librarians and administrators may, as for the job's definition.
 */
public record SetJobAlmaSide(@TargetAggregateIdentifier JobId jobId, AlmaSide almaSide, StaffId performedBy) {}

package org.signoff.staff.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Gives a person the Alma primary id they log in to Alma with, or takes it away ({@code almaPrimaryId} null).
 * Administrators may. It is personal data: kept in the erasable personal-data store, never in the event.
 */
public record SetAlmaPrimaryId(@TargetAggregateIdentifier StaffId staffId, String almaPrimaryId, StaffId performedBy)
        implements ToStaffMember {}

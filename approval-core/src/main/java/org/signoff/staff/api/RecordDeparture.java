package org.signoff.staff.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An administrator records that a person left: they act no more, and their sign-offs and open tickets end. */
public record RecordDeparture(@TargetAggregateIdentifier StaffId staffId, String reason, StaffId performedBy)
        implements ToStaffMember {}

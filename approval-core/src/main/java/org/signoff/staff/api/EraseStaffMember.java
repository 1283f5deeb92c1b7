package org.signoff.staff.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An administrator erases a person who left: nothing the engine keeps identifies them any more. */
public record EraseStaffMember(@TargetAggregateIdentifier StaffId staffId, StaffId performedBy)
        implements ToStaffMember {}

package org.signoff.staff.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Puts the first administrator into an empty directory, so that someone may register everyone else. Refused once
 * any administrator exists, so an operator may repeat it safely.
 */
public record EnrolFirstAdministrator(
        @TargetAggregateIdentifier StaffId staffId, String displayName, String unit) {}

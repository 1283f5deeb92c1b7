package org.signoff.institution.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.signoff.common.InstitutionCode;
import org.signoff.staff.api.StaffId;

/**
 * Whether the institution's numbers go into the consortium's shared analytics: per job and step, tickets and waits,
 * never a person, a text or a ticket. Its administrators decide.
 */
public record SetAnalyticsSharing(InstitutionCode code, boolean shares, StaffId performedBy) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return RegisterInstitution.aggregateIdOf(code);
    }
}

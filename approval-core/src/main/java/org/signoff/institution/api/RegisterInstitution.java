package org.signoff.institution.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.signoff.common.InstitutionCode;
import org.signoff.staff.api.StaffId;

/**
 * Adds a member institution to the engine (a library of the consortium, by its Alma institution code). Consortium
 * administrators may.
 */
public record RegisterInstitution(InstitutionCode code, String name, StaffId performedBy) {

    /** The institution's events are keyed apart from any job or client of the same id (no id holds a colon). */
    public static String aggregateIdOf(InstitutionCode code) {
        return "institution:" + code.value();
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return aggregateIdOf(code);
    }
}

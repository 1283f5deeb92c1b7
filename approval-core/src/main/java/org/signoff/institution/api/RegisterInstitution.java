package org.signoff.institution.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.signoff.common.InstitutionCode;
import org.signoff.staff.api.StaffId;

/**
 * Adds a member institution to the engine (a library of the consortium, by its Alma institution code). Consortium
 * administrators may.
 */
public record RegisterInstitution(@TargetAggregateIdentifier InstitutionCode code, String name, StaffId performedBy) {}

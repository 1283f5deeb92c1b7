package org.signoff.institution.api;

import org.signoff.common.InstitutionCode;
import org.signoff.staff.api.StaffId;

/** A member institution is one of the engine's: its credentials act within it, its ids are its own. */
public record InstitutionRegistered(InstitutionCode code, String name, StaffId performedBy) {}

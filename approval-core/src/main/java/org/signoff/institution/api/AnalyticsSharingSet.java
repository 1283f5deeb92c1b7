package org.signoff.institution.api;

import org.signoff.common.InstitutionCode;
import org.signoff.staff.api.StaffId;

/** The institution shares its numbers with the consortium from now on, or no longer. */
public record AnalyticsSharingSet(InstitutionCode code, boolean shares, StaffId performedBy) {}

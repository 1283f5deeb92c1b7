package org.signoff.projections.staff.api;

import org.signoff.common.InstitutionScope;

/** The directory by id, a page at a time: at most {@code limit} people after {@code afterStaffId} (null: from the start). */
public record ListStaffQuery(InstitutionScope within, String afterStaffId, int limit) {}

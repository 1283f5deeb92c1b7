package org.signoff.staff.api;

import org.signoff.common.FreeText;

/** The person left: they act no more. Each of their sign-offs and open tickets ends with an event of its own. */
public record StaffMemberLeft(StaffId staffId, @FreeText String reason, StaffId performedBy) {}

package org.signoff.staff.api;

/**
 * A command to a person already registered, naming them by staff id as callers know them; the service routes it to
 * the history their pseudonym keys.
 */
public interface ToStaffMember {

    StaffId staffId();
}

package org.signoff.ticket.api;

/** Who must act for a ticket to move on. */
public enum NextActor {
    /** the staff member who asked for the job */
    REQUESTER,
    /** any systems librarian; for a review, one other than the requester */
    SYSTEMS_LIBRARIAN,
    /** the liaison of the requester's unit */
    LIAISON,
    /** the support team, who update production roles */
    SUPPORT_TEAM,
    /** nobody: the ticket is closed */
    NOBODY
}

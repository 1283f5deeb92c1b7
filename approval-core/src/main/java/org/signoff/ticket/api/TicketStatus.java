package org.signoff.ticket.api;

/**
 * Where a ticket stands. Each open status names the step that comes next and who acts on it.
 */
public enum TicketStatus {
    /** step 1: the requester confirms the required readings, then asks for access */
    READING(1, false, NextActor.REQUESTER),
    /** step 3: a systems librarian grants Sandbox access and sends training material */
    AWAITING_SANDBOX_GRANT(3, false, NextActor.SYSTEMS_LIBRARIAN),
    /** step 4: the requester runs the job in the Sandbox and reports (again, after a retest request) */
    AWAITING_TEST(4, false, NextActor.REQUESTER),
    /** step 5: a systems librarian other than the requester reviews the test */
    AWAITING_REVIEW(5, false, NextActor.SYSTEMS_LIBRARIAN),
    /** step 6: approved; the liaison of the requester's unit submits the role request form */
    AWAITING_ROLE_REQUEST(6, false, NextActor.LIAISON),
    /** step 6: the support team updates production permissions */
    AWAITING_ROLE_UPDATE(6, false, NextActor.SUPPORT_TEAM),
    /** approved for production use, with any role update done */
    COMPLETED(6, true, NextActor.NOBODY),
    /**
     * step 1 again: approved, but the requester did not confirm a new version of a required reading in time; off the
     * master list until they do
     */
    SUSPENDED(1, false, NextActor.REQUESTER),
    /** the review refused production use */
    DENIED(5, true, NextActor.NOBODY),
    /** the requester withdrew before completion */
    WITHDRAWN(0, true, NextActor.NOBODY),
    /** production use was approved, then taken back */
    REVOKED(0, true, NextActor.NOBODY),
    /** production use was approved for a time, and nobody recertified it before the time ran out */
    LAPSED(0, true, NextActor.NOBODY),
    /** the requester left: the ticket ended with them, open or signed off */
    REQUESTER_LEFT(0, true, NextActor.NOBODY);

    private final int step;
    private final boolean closed;
    private final NextActor nextActor;

    TicketStatus(int step, boolean closed, NextActor nextActor) {
        this.step = step;
        this.closed = closed;
        this.nextActor = nextActor;
    }

    /** Who must act for the ticket to move on from here. */
    public NextActor nextActor() {
        return nextActor;
    }

    /** The step of the six this status waits on (0 for an ended ticket that left the process). */
    public int step() {
        return step;
    }

    /** No further step is expected. */
    public boolean closed() {
        return closed;
    }

    /**
     * The ticket keeps its place (staff member, job, variant): no second ticket opens beside it. A completed ticket
     * keeps it, since the person is signed off; a denied, withdrawn, revoked or lapsed one, or one whose requester left, gives it up.
     */
    public boolean holdsSlot() {
        return this != DENIED && this != WITHDRAWN && this != REVOKED && this != LAPSED && this != REQUESTER_LEFT;
    }

    /** Production use was approved and not taken back: in force, or suspended until a reading is confirmed. */
    public boolean holdsSignOff() {
        return approved() || this == SUSPENDED;
    }

    /** Production use is approved and not taken back: the person is on the master list. */
    public boolean approved() {
        return this == AWAITING_ROLE_REQUEST || this == AWAITING_ROLE_UPDATE || this == COMPLETED;
    }
}

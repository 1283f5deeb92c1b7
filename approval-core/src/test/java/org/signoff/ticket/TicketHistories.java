package org.signoff.ticket;

import static org.signoff.Lookups.AMY;
import static org.signoff.Lookups.CHANGE_ITEMS;
import static org.signoff.Lookups.ITEMS_DOC;
import static org.signoff.Lookups.LIBRARIAN;
import static org.signoff.Lookups.OVERVIEW;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

import org.signoff.Lookups;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.GrantSandboxAccess;
import org.signoff.ticket.api.JobAccessRequested;
import org.signoff.ticket.api.ProductionUseApproved;
import org.signoff.ticket.api.ReadingConfirmed;
import org.signoff.ticket.api.ReportSandboxTest;
import org.signoff.ticket.api.SandboxAccessGranted;
import org.signoff.ticket.api.SandboxTestReported;
import org.signoff.ticket.api.SignOffStarted;
import org.signoff.ticket.api.TestEvidence;
import org.signoff.ticket.api.TestOutcome;
import org.signoff.ticket.api.TicketId;

/**
 * The histories the ticket scenarios start from: ticket t-1, Amy's, for Change items (no variant), step by step as
 * the process table goes. Each returns a new list, so no scenario changes another's history.
 */
final class TicketHistories {

    static final TicketId TICKET = TicketId.of("t-1");

    /** A Sandbox test that went well: what Amy reports in step 4. */
    static final TestEvidence EVIDENCE = new TestEvidence("job-1", 40, TestOutcome.SUCCEEDED, List.of());

    private TicketHistories() {}

    /** The aggregate under test, its lookups (directory, catalog, deadline policy…) those of {@code lookups}. */
    static FixtureConfiguration<SignOffTicket> ticketFixture(Lookups lookups) {
        FixtureConfiguration<SignOffTicket> fixture = new AggregateTestFixture<>(SignOffTicket.class);
        fixture.registerInjectableResource(lookups);
        return fixture;
    }

    static List<Object> started() {
        return List.of(new SignOffStarted(TICKET, AMY, CHANGE_ITEMS, null));
    }

    /** Amy confirmed both required readings of Change items at their current versions. */
    static List<Object> readAll() {
        return then(
                started(),
                new ReadingConfirmed(TICKET, OVERVIEW.documentId(), OVERVIEW.version(), AMY),
                new ReadingConfirmed(TICKET, ITEMS_DOC.documentId(), ITEMS_DOC.version(), AMY));
    }

    static List<Object> requested() {
        return then(readAll(), new JobAccessRequested(TICKET, "LTS-1234", null, AMY));
    }

    static List<Object> granted() {
        return then(requested(), sandboxGranted());
    }

    /** Step 4 done: the ticket awaits its review. */
    static List<Object> tested() {
        return then(granted(), testReported());
    }

    static List<Object> approvedWithRoleUpdate() {
        return then(tested(), new ProductionUseApproved(TICKET, AMY, CHANGE_ITEMS, null, true, null, LIBRARIAN));
    }

    /** Approved with no role update to wait for: signed off. */
    static List<Object> completed() {
        return then(tested(), new ProductionUseApproved(TICKET, AMY, CHANGE_ITEMS, null, false, null, LIBRARIAN));
    }

    /** A ticket opened as {@code start} says, up to its test report (the readings are not needed to get there). */
    static List<Object> testedOn(SignOffStarted start) {
        return then(
                List.of(start),
                new JobAccessRequested(TICKET, "LTS-9", null, start.staffId()),
                new SandboxAccessGranted(TICKET, List.of(), LIBRARIAN),
                new SandboxTestReported(
                        TICKET, new TestEvidence("job-1", 1, TestOutcome.SUCCEEDED, List.of()), null, start.staffId()));
    }

    static List<Object> testedBy(StaffId requester) {
        return testedOn(new SignOffStarted(TICKET, requester, CHANGE_ITEMS, null));
    }

    static SandboxAccessGranted sandboxGranted() {
        return new SandboxAccessGranted(TICKET, List.of("training.pdf"), LIBRARIAN);
    }

    static SandboxTestReported testReported() {
        return new SandboxTestReported(TICKET, EVIDENCE, null, AMY);
    }

    static GrantSandboxAccess grantSandbox() {
        return new GrantSandboxAccess(TICKET, List.of("training.pdf"), LIBRARIAN);
    }

    static ReportSandboxTest reportTest() {
        return new ReportSandboxTest(TICKET, EVIDENCE, null, AMY);
    }

    /** A history and what happened next: a new list. */
    static List<Object> then(List<Object> history, Object... next) {
        List<Object> events = new ArrayList<>(history);
        events.addAll(List.of(next));
        return List.copyOf(events);
    }
}

package org.signoff.ticket;

import static org.signoff.Lookups.AMY;
import static org.signoff.Lookups.CHANGE_ITEMS;
import static org.signoff.Lookups.DARYL;
import static org.signoff.Lookups.ITS_LIAISON;
import static org.signoff.Lookups.LAW_LIAISON;
import static org.signoff.Lookups.LIBRARIAN;
import static org.signoff.Lookups.LIBRARIAN_WHO_ASKS;
import static org.signoff.Lookups.NORMALIZATION;
import static org.signoff.Lookups.OVERVIEW;
import static org.signoff.Lookups.SUPPORT;
import static org.signoff.RejectedAs.rejectedAs;
import static org.signoff.ticket.TicketHistories.TICKET;
import static org.signoff.ticket.TicketHistories.approvedWithRoleUpdate;
import static org.signoff.ticket.TicketHistories.completed;
import static org.signoff.ticket.TicketHistories.granted;
import static org.signoff.ticket.TicketHistories.readAll;
import static org.signoff.ticket.TicketHistories.requested;
import static org.signoff.ticket.TicketHistories.started;
import static org.signoff.ticket.TicketHistories.tested;
import static org.signoff.ticket.TicketHistories.testedBy;
import static org.signoff.ticket.TicketHistories.testedOn;
import static org.signoff.ticket.TicketHistories.then;
import static org.signoff.ticket.TicketHistories.ticketFixture;

import java.util.List;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.signoff.Lookups;
import org.signoff.catalog.api.JobDefinition;
import org.signoff.catalog.api.RequiredReading;
import org.signoff.common.Rejection;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.ApproveProductionUse;
import org.signoff.ticket.api.ConfirmProductionRoleUpdate;
import org.signoff.ticket.api.ConfirmReading;
import org.signoff.ticket.api.DenyProductionUse;
import org.signoff.ticket.api.GrantSandboxAccess;
import org.signoff.ticket.api.JobAccessRequested;
import org.signoff.ticket.api.ProductionRoleUpdated;
import org.signoff.ticket.api.ProductionUseApproved;
import org.signoff.ticket.api.ProductionUseDenied;
import org.signoff.ticket.api.ProductionUseRevoked;
import org.signoff.ticket.api.ReadingConfirmed;
import org.signoff.ticket.api.ReportSandboxTest;
import org.signoff.ticket.api.RequestJobAccess;
import org.signoff.ticket.api.RequestRetest;
import org.signoff.ticket.api.RequestWithdrawn;
import org.signoff.ticket.api.RetestRequested;
import org.signoff.ticket.api.RevokeProductionUse;
import org.signoff.ticket.api.RoleRequestSubmitted;
import org.signoff.ticket.api.SandboxAccessGranted;
import org.signoff.ticket.api.SandboxTestReported;
import org.signoff.ticket.api.SignOffStarted;
import org.signoff.ticket.api.StartSignOff;
import org.signoff.ticket.api.SubmitRoleRequest;
import org.signoff.ticket.api.TestEvidence;
import org.signoff.ticket.api.TestOutcome;
import org.signoff.ticket.api.TicketId;
import org.signoff.ticket.api.TicketStatus;
import org.signoff.ticket.api.WithdrawRequest;

/** The six steps of a sign-off ticket, one scenario a method. */
class SignOffTicketTest {

    private FixtureConfiguration<SignOffTicket> fixture;
    private Lookups lookups;

    @BeforeEach
    void setUp() {
        lookups = new Lookups();
        fixture = ticketFixture(lookups);
    }

    // --- the happy path, step by step

    @Test
    void staffMemberOpensATicketForAJob() {
        fixture.givenNoPriorActivity()
                .when(new StartSignOff(TICKET, CHANGE_ITEMS, null, AMY))
                .expectEvents(new SignOffStarted(TICKET, AMY, CHANGE_ITEMS, null));
    }

    @Test
    void requesterConfirmsARequiredReadingAtItsCurrentVersion() {
        fixture.given(started())
                .when(new ConfirmReading(TICKET, "jobs-overview", "1", AMY))
                .expectEvents(new ReadingConfirmed(TICKET, "jobs-overview", "1", AMY))
                .expectResultMessagePayload(TicketStatus.READING);
    }

    @Test
    void requesterAsksForTheJobOnceEveryReadingIsConfirmed() {
        fixture.given(readAll())
                .when(new RequestJobAccess(TICKET, "LTS-1234", "for the barcode clean-up", AMY))
                .expectEvents(new JobAccessRequested(TICKET, "LTS-1234", "for the barcode clean-up", AMY))
                .expectResultMessagePayload(TicketStatus.AWAITING_SANDBOX_GRANT);
    }

    @Test
    void systemsLibrarianGrantsSandboxAccessWithTrainingMaterial() {
        fixture.given(requested())
                .when(new GrantSandboxAccess(TICKET, List.of("training/change-items.pdf"), LIBRARIAN))
                .expectEvents(new SandboxAccessGranted(TICKET, List.of("training/change-items.pdf"), LIBRARIAN))
                .expectResultMessagePayload(TicketStatus.AWAITING_TEST);
    }

    @Test
    void requesterReportsTheSandboxTest() {
        fixture.given(granted())
                .when(new ReportSandboxTest(
                        TICKET, new TestEvidence("job-88123", 40, TestOutcome.SUCCEEDED, List.of()), "all good", AMY))
                .expectEvents(new SandboxTestReported(
                        TICKET, new TestEvidence("job-88123", 40, TestOutcome.SUCCEEDED, List.of()), "all good", AMY))
                .expectResultMessagePayload(TicketStatus.AWAITING_REVIEW);
    }

    @Test
    void approvalWithoutRoleUpdateCompletesTheTicket() {
        fixture.given(tested())
                .when(new ApproveProductionUse(TICKET, false, "well done", LIBRARIAN))
                .expectEvents(new ProductionUseApproved(TICKET, AMY, CHANGE_ITEMS, null, false, "well done", LIBRARIAN))
                .expectResultMessagePayload(TicketStatus.COMPLETED);
    }

    @Test
    void approvalWithoutAnAnswerOnTheRoleTakesTheJobsUsualAnswer() {
        fixture.given(testedOn(NORMALIZATION_TICKET_START))
                .when(new ApproveProductionUse(TICKET, null, null, LIBRARIAN))
                .expectEvents(new ProductionUseApproved(TICKET, AMY, NORMALIZATION, "rule-a", true, null, LIBRARIAN))
                .expectResultMessagePayload(TicketStatus.AWAITING_ROLE_REQUEST);
    }

    @Test
    void liaisonOfTheRequestersUnitSubmitsTheRoleRequest() {
        fixture.given(approvedWithRoleUpdate())
                .when(new SubmitRoleRequest(TICKET, "FORM-77", ITS_LIAISON))
                .expectEvents(new RoleRequestSubmitted(TICKET, "FORM-77", ITS_LIAISON))
                .expectResultMessagePayload(TicketStatus.AWAITING_ROLE_UPDATE);
    }

    @Test
    void supportTeamConfirmsTheProductionRoleUpdateAndTheTicketCompletes() {
        fixture.given(then(approvedWithRoleUpdate(), new RoleRequestSubmitted(TICKET, "FORM-77", ITS_LIAISON)))
                .when(new ConfirmProductionRoleUpdate(TICKET, "role added", SUPPORT))
                .expectEvents(new ProductionRoleUpdated(TICKET, "role added", SUPPORT))
                .expectResultMessagePayload(TicketStatus.COMPLETED);
    }

    // --- optimistic concurrency: a step may name the version it was decided on

    @Test
    void aStepNamingTheTicketsCurrentVersionIsTaken() {
        fixture.given(requested()) // four events: version 3
                .when(new GrantSandboxAccess(TICKET, List.of("training.pdf"), LIBRARIAN, 3L))
                .expectEvents(new SandboxAccessGranted(TICKET, List.of("training.pdf"), LIBRARIAN));
    }

    @Test
    void aStepDecidedOnAnOlderVersionIsRefused() {
        fixture.given(requested())
                .when(new GrantSandboxAccess(TICKET, List.of("training.pdf"), LIBRARIAN, 2L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    // --- the loops and the ends

    @Test
    void reviewerSendsTheTicketBackForARetestAndTheRequesterReportsAgain() {
        fixture.given(then(
                        tested(),
                        new RetestRequested(TICKET, "use a set of 10 items", LIBRARIAN),
                        new SandboxTestReported(
                                TICKET,
                                new TestEvidence("job-2", 10, TestOutcome.COMPLETED_WITH_ERRORS, List.of()),
                                null,
                                AMY),
                        new RetestRequested(TICKET, "fix the errors", LIBRARIAN)))
                .when(new ReportSandboxTest(
                        TICKET, new TestEvidence("job-3", 10, TestOutcome.SUCCEEDED, List.of()), null, AMY))
                .expectEvents(new SandboxTestReported(
                        TICKET, new TestEvidence("job-3", 10, TestOutcome.SUCCEEDED, List.of()), null, AMY))
                .expectResultMessagePayload(TicketStatus.AWAITING_REVIEW);
    }

    @Test
    void reviewerRequestsARetestWithAReason() {
        fixture.given(tested())
                .when(new RequestRetest(TICKET, "use a set of 10 items", LIBRARIAN))
                .expectEvents(new RetestRequested(TICKET, "use a set of 10 items", LIBRARIAN))
                .expectResultMessagePayload(TicketStatus.AWAITING_TEST);
    }

    @Test
    void reviewerDeniesProductionUseAndTheTicketEnds() {
        fixture.given(tested())
                .when(new DenyProductionUse(TICKET, "not needed for the role", LIBRARIAN))
                .expectEvents(new ProductionUseDenied(TICKET, "not needed for the role", LIBRARIAN))
                .expectResultMessagePayload(TicketStatus.DENIED);
    }

    @Test
    void nothingFollowsADenial() {
        fixture.given(then(tested(), new ProductionUseDenied(TICKET, "no", LIBRARIAN)))
                .when(new ReportSandboxTest(
                        TICKET, new TestEvidence("job-9", 1, TestOutcome.SUCCEEDED, List.of()), null, AMY))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.STEP_OUT_OF_ORDER));
    }

    @Test
    void requesterWithdrawsBeforeCompletion() {
        fixture.given(granted())
                .when(new WithdrawRequest(TICKET, "changed jobs", AMY))
                .expectEvents(new RequestWithdrawn(TICKET, "changed jobs", AMY))
                .expectResultMessagePayload(TicketStatus.WITHDRAWN);
    }

    @Test
    void aCompletedTicketCannotBeWithdrawn() {
        fixture.given(completed())
                .when(new WithdrawRequest(TICKET, null, AMY))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.STEP_OUT_OF_ORDER));
    }

    @Test
    void systemsLibrarianRevokesProductionUse() {
        fixture.given(completed())
                .when(new RevokeProductionUse(TICKET, "left the unit", LIBRARIAN))
                .expectEvents(new ProductionUseRevoked(TICKET, AMY, CHANGE_ITEMS, null, "left the unit", LIBRARIAN))
                .expectResultMessagePayload(TicketStatus.REVOKED);
    }

    @Test
    void productionUseThatWasNeverApprovedCannotBeRevoked() {
        fixture.given(tested())
                .when(new RevokeProductionUse(TICKET, "why not", LIBRARIAN))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.STEP_OUT_OF_ORDER));
    }

    @Test
    void revokingTwiceIsRefused() {
        fixture.given(then(completed(), new ProductionUseRevoked(TICKET, AMY, CHANGE_ITEMS, null, "left", LIBRARIAN)))
                .when(new RevokeProductionUse(TICKET, "again", LIBRARIAN))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.STEP_OUT_OF_ORDER));
    }

    // --- refusals: readings

    @Test
    void requestIsRefusedUntilEveryRequiredReadingIsConfirmed() {
        fixture.given(then(started(), new ReadingConfirmed(TICKET, "jobs-overview", "1", AMY)))
                .when(new RequestJobAccess(TICKET, "LTS-1", null, AMY))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.READINGS_NOT_CONFIRMED));
    }

    @Test
    void aReadingWhoseNameContainsASeparatorDoesNotCountForAnother() {
        lookups.job(
                CHANGE_ITEMS,
                new JobDefinition(
                        "Items",
                        "Change physical items",
                        null,
                        List.of(new RequiredReading("a@1", "A one", "2"), new RequiredReading("a", "A", "1@2")),
                        List.of(),
                        false,
                        false),
                false);
        fixture.given(then(started(), new ReadingConfirmed(TICKET, "a@1", "2", AMY)))
                .when(new RequestJobAccess(TICKET, "LTS-1", null, AMY))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.READINGS_NOT_CONFIRMED));
    }

    @Test
    void aSupportTicketOfAnotherOpenTicketCannotBeNamedAgain() {
        lookups.supportTicketHeld("LTS-1", TicketId.of("t-other"));
        fixture.given(readAll())
                .when(new RequestJobAccess(TICKET, "LTS-1", null, AMY))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.SUPPORT_TICKET_REF_IN_USE));
    }

    @Test
    void requestIsRefusedWhenTheDocumentationChangedSinceItWasRead() {
        lookups.job(
                CHANGE_ITEMS,
                new JobDefinition(
                        "Items",
                        "Change physical items",
                        null,
                        List.of(OVERVIEW, new RequiredReading("change-items-doc", "Change items", "4")),
                        List.of(),
                        false,
                        false),
                false);
        fixture.given(readAll())
                .when(new RequestJobAccess(TICKET, "LTS-1", null, AMY))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.READINGS_NOT_CONFIRMED));
    }

    @Test
    void confirmingAnOutdatedVersionIsRefused() {
        fixture.given(started())
                .when(new ConfirmReading(TICKET, "change-items-doc", "2", AMY))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.OUTDATED_READING_VERSION));
    }

    @Test
    void confirmingADocumentTheJobDoesNotRequireIsRefused() {
        fixture.given(started())
                .when(new ConfirmReading(TICKET, "cooking-for-cataloguers", "1", AMY))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.UNKNOWN_READING));
    }

    @Test
    void confirmingTheSameReadingTwiceIsRefused() {
        fixture.given(then(started(), new ReadingConfirmed(TICKET, "jobs-overview", "1", AMY)))
                .when(new ConfirmReading(TICKET, "jobs-overview", "1", AMY))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.ALREADY_CONFIRMED));
    }

    // --- refusals: order

    @Test
    void sandboxCannotBeGrantedBeforeTheRequest() {
        fixture.given(readAll())
                .when(new GrantSandboxAccess(TICKET, List.of(), LIBRARIAN))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.STEP_OUT_OF_ORDER));
    }

    @Test
    void reviewCannotApproveBeforeTheSandboxTestIsReported() {
        fixture.given(granted())
                .when(new ApproveProductionUse(TICKET, false, null, LIBRARIAN))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.STEP_OUT_OF_ORDER));
    }

    @Test
    void aRepeatedRequestIsRefused() {
        fixture.given(requested())
                .when(new RequestJobAccess(TICKET, "LTS-1234", null, AMY))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.STEP_OUT_OF_ORDER));
    }

    @Test
    void roleUpdateCannotBeConfirmedBeforeTheRoleRequestIsSubmitted() {
        fixture.given(approvedWithRoleUpdate())
                .when(new ConfirmProductionRoleUpdate(TICKET, null, SUPPORT))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.STEP_OUT_OF_ORDER));
    }

    @Test
    void noRoleRequestWhenTheApprovalNeedsNoRoleUpdate() {
        fixture.given(completed())
                .when(new SubmitRoleRequest(TICKET, "FORM-1", ITS_LIAISON))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.STEP_OUT_OF_ORDER));
    }

    @Test
    void aCommandForATicketThatDoesNotExistIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RequestJobAccess(TICKET, "LTS-1", null, AMY))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    // --- refusals: who

    @Test
    void onlyTheRequesterConfirmsReadings() {
        fixture.given(started())
                .when(new ConfirmReading(TICKET, "jobs-overview", "1", DARYL))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.NOT_THE_REQUESTER));
    }

    @Test
    void onlyTheRequesterReportsTheTest() {
        fixture.given(granted())
                .when(new ReportSandboxTest(
                        TICKET, new TestEvidence("job-1", 1, TestOutcome.SUCCEEDED, List.of()), null, LIBRARIAN))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.NOT_THE_REQUESTER));
    }

    @Test
    void onlyASystemsLibrarianGrantsSandboxAccess() {
        fixture.given(requested())
                .when(new GrantSandboxAccess(TICKET, List.of(), DARYL))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.ROLE_REQUIRED));
    }

    @Test
    void onlyASystemsLibrarianReviews() {
        fixture.given(tested())
                .when(new ApproveProductionUse(TICKET, false, null, DARYL))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.ROLE_REQUIRED));
    }

    @Test
    void aSystemsLibrarianCannotReviewTheirOwnTest() {
        fixture.given(testedBy(LIBRARIAN_WHO_ASKS))
                .when(new ApproveProductionUse(TICKET, false, null, LIBRARIAN_WHO_ASKS))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.SELF_REVIEW));
    }

    @Test
    void aSystemsLibrarianCannotGrantSandboxAccessOnTheirOwnTicket() {
        fixture.given(List.of(
                        new SignOffStarted(TICKET, LIBRARIAN_WHO_ASKS, CHANGE_ITEMS, null),
                        new JobAccessRequested(TICKET, "LTS-9", null, LIBRARIAN_WHO_ASKS)))
                .when(new GrantSandboxAccess(TICKET, List.of(), LIBRARIAN_WHO_ASKS))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.OWN_TICKET));
    }

    @Test
    void aSystemsLibrarianCannotRevokeTheirOwnSignOff() {
        fixture.given(then(
                        testedBy(LIBRARIAN_WHO_ASKS),
                        new ProductionUseApproved(
                                TICKET, LIBRARIAN_WHO_ASKS, CHANGE_ITEMS, null, false, null, LIBRARIAN)))
                .when(new RevokeProductionUse(TICKET, "mine", LIBRARIAN_WHO_ASKS))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.OWN_TICKET));
    }

    @Test
    void aSystemsLibrarianCannotDenyTheirOwnTestEither() {
        fixture.given(testedBy(LIBRARIAN_WHO_ASKS))
                .when(new DenyProductionUse(TICKET, "meh", LIBRARIAN_WHO_ASKS))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.SELF_REVIEW));
    }

    @Test
    void aLiaisonOfAnotherUnitCannotSubmitTheRoleRequest() {
        fixture.given(approvedWithRoleUpdate())
                .when(new SubmitRoleRequest(TICKET, "FORM-77", LAW_LIAISON))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.NOT_LIAISON_OF_UNIT));
    }

    @Test
    void onlyTheSupportTeamConfirmsTheRoleUpdate() {
        fixture.given(then(approvedWithRoleUpdate(), new RoleRequestSubmitted(TICKET, "FORM-77", ITS_LIAISON)))
                .when(new ConfirmProductionRoleUpdate(TICKET, null, LIBRARIAN))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.ROLE_REQUIRED));
    }

    @Test
    void onlyTheRequesterWithdraws() {
        fixture.given(granted())
                .when(new WithdrawRequest(TICKET, null, LIBRARIAN))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.NOT_THE_REQUESTER));
    }

    @Test
    void onlyASystemsLibrarianRevokes() {
        fixture.given(completed())
                .when(new RevokeProductionUse(TICKET, "x", DARYL))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.ROLE_REQUIRED));
    }

    @Test
    void aPersonTheDirectoryDoesNotKnowIsRefused() {
        fixture.given(requested())
                .when(new GrantSandboxAccess(TICKET, List.of(), StaffId.of("mallory")))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.UNKNOWN_PERFORMER));
    }

    // --- refusals: opening a ticket

    @Test
    void aSecondOpenTicketForTheSameJobIsRefused() {
        lookups.slotHeld(AMY, CHANGE_ITEMS, null, TicketId.of("t-0"));
        fixture.givenNoPriorActivity()
                .when(new StartSignOff(TICKET, CHANGE_ITEMS, null, AMY))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.TICKET_ALREADY_OPEN));
    }

    @Test
    void anotherVariantOfTheSameJobIsItsOwnTicket() {
        lookups.slotHeld(AMY, NORMALIZATION, "rule-a", TicketId.of("t-0"));
        fixture.givenNoPriorActivity()
                .when(new StartSignOff(TICKET, NORMALIZATION, "rule-b", AMY))
                .expectEvents(new SignOffStarted(TICKET, AMY, NORMALIZATION, "rule-b"));
    }

    @Test
    void aJobSignedOffPerVariantNeedsAVariant() {
        fixture.givenNoPriorActivity()
                .when(new StartSignOff(TICKET, NORMALIZATION, null, AMY))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.VARIANT_REQUIRED));
    }

    @Test
    void aVariantTheJobDoesNotOfferIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new StartSignOff(TICKET, NORMALIZATION, "rule-z", AMY))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.UNKNOWN_VARIANT));
    }

    @Test
    void aJobNotInTheCatalogIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new StartSignOff(TICKET, org.signoff.catalog.api.JobId.of("make-coffee"), null, AMY))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.UNKNOWN_JOB));
    }

    @Test
    void aRetiredJobTakesNoNewTickets() {
        lookups.job(CHANGE_ITEMS, lookups.find(CHANGE_ITEMS).orElseThrow().definition(), true);
        fixture.givenNoPriorActivity()
                .when(new StartSignOff(TICKET, CHANGE_ITEMS, null, AMY))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.JOB_RETIRED));
    }

    @Test
    void onlyStaffOpenTickets() {
        fixture.givenNoPriorActivity()
                .when(new StartSignOff(TICKET, CHANGE_ITEMS, null, SUPPORT))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.ROLE_REQUIRED));
    }

    // --- histories

    private static final SignOffStarted NORMALIZATION_TICKET_START =
            new SignOffStarted(TICKET, AMY, NORMALIZATION, "rule-a");
}

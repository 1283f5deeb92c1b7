package org.signoff.ticket;

import static org.signoff.Lookups.AMY;
import static org.signoff.Lookups.CHANGE_ITEMS;
import static org.signoff.Lookups.ITS_LIAISON;
import static org.signoff.Lookups.LIBRARIAN;
import static org.signoff.Lookups.NORMALIZATION;
import static org.signoff.Lookups.SUPPORT;
import static org.signoff.RejectedAs.rejectedAs;
import static org.signoff.ticket.TicketHistories.TICKET;
import static org.signoff.ticket.TicketHistories.approvedWithRoleUpdate;
import static org.signoff.ticket.TicketHistories.granted;
import static org.signoff.ticket.TicketHistories.requested;
import static org.signoff.ticket.TicketHistories.then;
import static org.signoff.ticket.TicketHistories.ticketFixture;

import java.util.List;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.signoff.Lookups;
import org.signoff.catalog.api.AlmaRole;
import org.signoff.catalog.api.AlmaSide;
import org.signoff.common.Rejection;
import org.signoff.ticket.api.AlmaRolesToApply;
import org.signoff.ticket.api.AlmaRolesToTakeBack;
import org.signoff.ticket.api.CheckProductionRoleUpdateInAlma;
import org.signoff.ticket.api.CheckProductionRolesTakeBack;
import org.signoff.ticket.api.CheckSandboxGrantInAlma;
import org.signoff.ticket.api.ConfirmProductionRoleUpdate;
import org.signoff.ticket.api.GrantSandboxAccess;
import org.signoff.ticket.api.ProductionRoleUpdated;
import org.signoff.ticket.api.ProductionRolesTakenBack;
import org.signoff.ticket.api.ProductionUseRevoked;
import org.signoff.ticket.api.RoleRequestSubmitted;
import org.signoff.ticket.api.SandboxAccessGranted;
import org.signoff.ticket.api.TakeBackProductionRoles;
import org.signoff.ticket.api.TicketId;
import org.signoff.ticket.api.TicketStatus;

/**
 * Steps 3 and 6 through Alma: before a role is written to Alma the ticket is asked, by the step's own rules, whether
 * the step may be taken and which roles its job needs (nothing recorded); the step then records what Alma added.
 */
class TicketAlmaRolesTest {

    private static final AlmaRole CATALOG_MANAGER = new AlmaRole("204", "01UNI_INST", List.of());
    private static final AlmaRole JOB_RUNNER = new AlmaRole(
            "51", "01UNI_INST", List.of(new AlmaRole.Parameter("JobCategory", null, "PHYSICAL_INVENTORY")));

    private static final AlmaRole REPORTS = new AlmaRole("230", "01UNI_INST", List.of());
    private static final TicketId OTHER_TICKET = TicketId.of("t-2");

    private FixtureConfiguration<SignOffTicket> fixture;
    private Lookups lookups;

    @BeforeEach
    void setUp() {
        lookups = new Lookups()
                .almaSide(
                        CHANGE_ITEMS,
                        new AlmaSide(List.of("M28"), List.of(), List.of(CATALOG_MANAGER), List.of(JOB_RUNNER)));
        fixture = ticketFixture(lookups);
    }

    @Test
    void theGrantsCheckNamesTheRequesterAndTheJobsSandboxRolesAndRecordsNothing() {
        fixture.given(requested())
                .when(new CheckSandboxGrantInAlma(TICKET, LIBRARIAN))
                .expectNoEvents()
                .expectResultMessagePayload(new AlmaRolesToApply(
                        AMY, CHANGE_ITEMS, TicketStatus.AWAITING_SANDBOX_GRANT, List.of(CATALOG_MANAGER)));
    }

    @Test
    void theGrantsCheckRefusesWhatTheGrantWouldRefuse() {
        fixture.given(granted())
                .when(new CheckSandboxGrantInAlma(TICKET, LIBRARIAN))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.STEP_OUT_OF_ORDER));
        fixture.given(requested())
                .when(new CheckSandboxGrantInAlma(TICKET, SUPPORT))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.ROLE_REQUIRED));
    }

    @Test
    void aGrantThroughAlmaRecordsTheRolesAdded() {
        fixture.given(requested())
                .when(new GrantSandboxAccess(
                        TICKET, List.of("training.pdf"), LIBRARIAN, List.of(CATALOG_MANAGER), null))
                .expectEvents(
                        new SandboxAccessGranted(TICKET, List.of("training.pdf"), LIBRARIAN, List.of(CATALOG_MANAGER)))
                .expectResultMessagePayload(TicketStatus.AWAITING_TEST);
    }

    @Test
    void theRoleUpdatesCheckNamesTheJobsProductionRolesAndRecordsNothing() {
        fixture.given(roleRequested())
                .when(new CheckProductionRoleUpdateInAlma(TICKET, SUPPORT))
                .expectNoEvents()
                .expectResultMessagePayload(new AlmaRolesToApply(
                        AMY, CHANGE_ITEMS, TicketStatus.AWAITING_ROLE_UPDATE, List.of(JOB_RUNNER)));
    }

    @Test
    void theRoleUpdatesCheckRefusesBeforeTheRoleRequestAndAnyoneButTheSupportTeam() {
        fixture.given(approvedWithRoleUpdate())
                .when(new CheckProductionRoleUpdateInAlma(TICKET, SUPPORT))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.STEP_OUT_OF_ORDER));
        fixture.given(roleRequested())
                .when(new CheckProductionRoleUpdateInAlma(TICKET, LIBRARIAN))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.ROLE_REQUIRED));
    }

    @Test
    void aRoleUpdateThroughAlmaRecordsTheRolesAddedAndOneByHandRecordsNone() {
        fixture.given(roleRequested())
                .when(new ConfirmProductionRoleUpdate(TICKET, null, SUPPORT, List.of(JOB_RUNNER), null))
                .expectEvents(new ProductionRoleUpdated(TICKET, null, SUPPORT, List.of(JOB_RUNNER)))
                .expectResultMessagePayload(TicketStatus.COMPLETED);
        fixture.given(roleRequested())
                .when(new ConfirmProductionRoleUpdate(TICKET, "Alma was down: added by hand", SUPPORT))
                .expectEvents(new ProductionRoleUpdated(TICKET, "Alma was down: added by hand", SUPPORT, null));
    }

    // --- taking them back once the sign-off ended

    @Test
    void onceRevokedTheRolesTheEngineAddedAreToBeTakenBackButThoseAnotherSignOffNeeds() {
        lookups.almaSide(NORMALIZATION, new AlmaSide(List.of(), List.of(), List.of(), List.of(JOB_RUNNER)))
                .slotHeld(AMY, NORMALIZATION, "rule-a", OTHER_TICKET);
        fixture.given(revoked(List.of(JOB_RUNNER, REPORTS)))
                .when(new CheckProductionRolesTakeBack(TICKET, SUPPORT, null))
                .expectNoEvents()
                .expectResultMessagePayload(
                        new AlmaRolesToTakeBack(AMY, TicketStatus.REVOKED, List.of(REPORTS), List.of(JOB_RUNNER)));
    }

    @Test
    void theTakeBackRecordsWhatAlmaRemovedAndWhatWasKeptWhichALaterTakeBackMayTake() {
        fixture.given(revoked(List.of(JOB_RUNNER, REPORTS)))
                .when(new TakeBackProductionRoles(TICKET, List.of(REPORTS), List.of(JOB_RUNNER), SUPPORT, null))
                .expectEvents(new ProductionRolesTakenBack(TICKET, List.of(REPORTS), List.of(JOB_RUNNER), SUPPORT))
                .expectResultMessagePayload(TicketStatus.REVOKED);
        fixture.given(then(
                        revoked(List.of(JOB_RUNNER, REPORTS)),
                        new ProductionRolesTakenBack(TICKET, List.of(REPORTS), List.of(JOB_RUNNER), SUPPORT)))
                .when(new CheckProductionRolesTakeBack(TICKET, SUPPORT, null))
                .expectResultMessagePayload(
                        new AlmaRolesToTakeBack(AMY, TicketStatus.REVOKED, List.of(JOB_RUNNER), List.of()));
    }

    @Test
    void nothingIsTakenBackFromASignOffInForceNorWhereTheEngineAddedNothing() {
        fixture.given(then(roleRequested(), new ProductionRoleUpdated(TICKET, null, SUPPORT, List.of(JOB_RUNNER))))
                .when(new CheckProductionRolesTakeBack(TICKET, SUPPORT, null))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.STEP_OUT_OF_ORDER));
        fixture.given(revoked(null))
                .when(new CheckProductionRolesTakeBack(TICKET, SUPPORT, null))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.STEP_OUT_OF_ORDER));
        fixture.given(then(
                        revoked(List.of(JOB_RUNNER)),
                        new ProductionRolesTakenBack(TICKET, List.of(JOB_RUNNER), List.of(), SUPPORT)))
                .when(new TakeBackProductionRoles(TICKET, List.of(), List.of(), SUPPORT, null))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.STEP_OUT_OF_ORDER));
        fixture.given(revoked(List.of(JOB_RUNNER)))
                .when(new CheckProductionRolesTakeBack(TICKET, LIBRARIAN, null))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.ROLE_REQUIRED));
    }

    @Test
    void whereTheTakeBackIsAutomaticTheEngineTakesThemBackAsNobody() {
        fixture.given(revoked(List.of(JOB_RUNNER)))
                .when(new TakeBackProductionRoles(TICKET, List.of(JOB_RUNNER), List.of(), null, null))
                .expectEvents(new ProductionRolesTakenBack(TICKET, List.of(JOB_RUNNER), List.of(), null));
    }

    /** Step 6 done through Alma with these roles added (none: by hand), then revoked. */
    private static List<Object> revoked(List<AlmaRole> added) {
        return then(
                roleRequested(),
                new ProductionRoleUpdated(TICKET, null, SUPPORT, added),
                new ProductionUseRevoked(TICKET, AMY, CHANGE_ITEMS, null, "left the unit", LIBRARIAN));
    }

    private static List<Object> roleRequested() {
        return then(approvedWithRoleUpdate(), new RoleRequestSubmitted(TICKET, "FORM-77", ITS_LIAISON));
    }
}

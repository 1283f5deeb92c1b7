package org.signoff.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.signoff.api.testkit.Scenario.CHANGE_ITEMS;
import static org.signoff.api.testkit.Scenario.CHANGE_ITEMS_READINGS;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;
import org.signoff.generated.client.ApiClient;
import org.signoff.generated.client.ApiException;
import org.signoff.generated.client.ApiResponse;
import org.signoff.generated.client.api.ApiClientControllerApi;
import org.signoff.generated.client.api.AuditTrailControllerApi;
import org.signoff.generated.client.api.MasterListControllerApi;
import org.signoff.generated.client.api.StaffControllerApi;
import org.signoff.generated.client.api.TicketControllerApi;
import org.signoff.generated.client.model.ApiClientRegister;
import org.signoff.generated.client.model.AuditEntryView;
import org.signoff.generated.client.model.MasterListView;
import org.signoff.generated.client.model.Problem;
import org.signoff.generated.client.model.StaffAttendance;
import org.signoff.generated.client.model.StaffRegister;
import org.signoff.generated.client.model.StepResult;
import org.signoff.generated.client.model.TicketApproval;
import org.signoff.generated.client.model.TicketOpen;
import org.signoff.generated.client.model.TicketReading;
import org.signoff.generated.client.model.TicketRequest;
import org.signoff.generated.client.model.TicketRoleRequest;
import org.signoff.generated.client.model.TicketRoleUpdate;
import org.signoff.generated.client.model.TicketSandboxGrant;
import org.signoff.generated.client.model.TicketSandboxTest;
import org.signoff.generated.client.model.TicketView;

/**
 * The committed contract, used the way an integrator uses it: a Java client generated from
 * {@code approval-api/openapi.json} at build time (OpenAPI Generator, its {@code native} library) is all that talks to
 * the service here. A change of the API that such a client cannot follow (a body it cannot express, an answer it
 * cannot read, a cursor it cannot pass on) fails this test, and with it the build.
 */
class GeneratedClientTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Duration READ_MODEL_PATIENCE = Duration.ofSeconds(20);

    private String unit;
    private String requester;
    private String librarian;
    private String liaison;
    private String support;
    private ApiClient integration;
    private TicketControllerApi tickets;

    /** The first administrator enrols the four people of a sign-off and registers a ticketing integration. */
    @BeforeEach
    void enrolStaffAndRegisterAnIntegration() throws ApiException {
        ApiClient admin = client(RunningService.ADMIN_KEY);
        StaffControllerApi staff = new StaffControllerApi(admin);
        String suffix = "-gen-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        unit = "ITS" + suffix;
        requester = enrol(staff, "amy" + suffix, unit, StaffRegister.RolesEnum.STAFF, Set.of());
        librarian = enrol(staff, "lib" + suffix, "LTS", StaffRegister.RolesEnum.SYSTEMS_LIBRARIAN, Set.of());
        liaison = enrol(staff, "liaison" + suffix, unit, StaffRegister.RolesEnum.LIAISON, Set.of(unit));
        support = enrol(staff, "support" + suffix, "LTS", StaffRegister.RolesEnum.SUPPORT_TEAM, Set.of());
        for (String classId : Scenario.CHANGE_ITEMS_CLASSES) {
            staff.staffRecordAttendance(
                    requester, new StaffAttendance().classId(classId).attendedOn(LocalDate.of(2026, 3, 4)), null);
        }

        String key = new ApiClientControllerApi(admin)
                .apiclientRegister(new ApiClientRegister()
                        .clientId("ticketing" + suffix)
                        .name("Ticketing")
                        .actsForAnyone(true)
                        .operations(Set.of(
                                ApiClientRegister.OperationsEnum.TICKETS_READ,
                                ApiClientRegister.OperationsEnum.TICKETS_WRITE,
                                ApiClientRegister.OperationsEnum.READINGS_WRITE,
                                ApiClientRegister.OperationsEnum.MASTER_LIST_READ,
                                ApiClientRegister.OperationsEnum.STAFF_READ,
                                ApiClientRegister.OperationsEnum.AUDIT_READ)))
                .getKey();
        assertThat(key).startsWith("ticketing" + suffix + ".");
        integration = client(key);
        tickets = new TicketControllerApi(integration);
    }

    @Test
    void aTicketGoesThroughItsSixStepsAndItsRequesterJoinsTheMasterList() throws ApiException {
        StepResult opened =
                tickets.ticketOpen(new TicketOpen().jobId(CHANGE_ITEMS).performedBy(requester), null);
        assertThat(opened.getStatus()).isEqualTo(StepResult.StatusEnum.READING);
        String ticket = opened.getTicketId();
        readAll(ticket);
        assertThat(tickets.ticketRequest(ticket, request(ticket), null, null).getStatus())
                .isEqualTo(StepResult.StatusEnum.AWAITING_SANDBOX_GRANT);
        assertThat(tickets.ticketGrantSandbox(ticket, grant(), null, null).getStatus())
                .isEqualTo(StepResult.StatusEnum.AWAITING_TEST);
        assertThat(tickets.ticketReportSandboxTest(
                                ticket,
                                new TicketSandboxTest()
                                        .jobInstanceRef("job-88123")
                                        .recordsProcessed(40L)
                                        .outcome(TicketSandboxTest.OutcomeEnum.SUCCEEDED)
                                        .attachments(List.of("https://wiki.example/reports/88123"))
                                        .notes("40 items moved to the new location")
                                        .performedBy(requester),
                                null,
                                null)
                        .getStatus())
                .isEqualTo(StepResult.StatusEnum.AWAITING_REVIEW);
        StepResult approved = tickets.ticketApprove(
                ticket,
                new TicketApproval()
                        .roleUpdateNeeded(true)
                        .comment("looks right")
                        .performedBy(librarian),
                null,
                null);
        assertThat(approved.getStatus()).isEqualTo(StepResult.StatusEnum.AWAITING_ROLE_REQUEST);
        assertThat(approved.getStep()).isEqualTo(6);
        assertThat(tickets.ticketSubmitRoleRequest(
                                ticket,
                                new TicketRoleRequest().formRef("FORM-77").performedBy(liaison),
                                null,
                                null)
                        .getStatus())
                .isEqualTo(StepResult.StatusEnum.AWAITING_ROLE_UPDATE);
        assertThat(tickets.ticketConfirmRoleUpdate(
                                ticket,
                                new TicketRoleUpdate().note("role added").performedBy(support),
                                null,
                                null)
                        .getStatus())
                .isEqualTo(StepResult.StatusEnum.COMPLETED);

        TicketView done = await(
                () -> tickets.ticketFind(ticket),
                view -> view.getTicket().getStatus().getValue().equals("COMPLETED"));
        assertThat(done.getTicket().getSupportTicketRef()).isEqualTo("LTS-" + ticket);
        MasterListView masterList = await(
                () -> new MasterListControllerApi(integration)
                        .masterlistMasterList(null, null, CHANGE_ITEMS, null, requester),
                list -> !list.getScopes().isEmpty());
        assertThat(masterList.getScopes())
                .flatExtracting(scope -> scope.getJobs())
                .flatExtracting(job -> job.getStaff())
                .extracting(person -> person.getStaffId() + " approved by " + person.getApprovedBy())
                .containsExactly(requester + " approved by " + librarian);
    }

    @Test
    void aPersonsHistoryIsReadPageByPageWithTheCursorOfEachPagesLinkHeader() throws ApiException {
        String ticket = tickets.ticketOpen(new TicketOpen().jobId(CHANGE_ITEMS).performedBy(requester), null)
                .getTicketId();
        readAll(ticket);
        tickets.ticketRequest(ticket, request(ticket), null, null);
        AuditTrailControllerApi history = new AuditTrailControllerApi(integration);
        List<String> whole = steps(await(
                () -> history.audittrailOfPerson(requester, 1000, null),
                // the classes the requester attended, then the ticket's five steps
                entries -> steps(entries).size() == Scenario.CHANGE_ITEMS_CLASSES.size() + 5));

        List<AuditEntryView> paged = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            ApiResponse<List<AuditEntryView>> page = history.audittrailOfPersonWithHttpInfo(requester, 2, after);
            paged.addAll(page.getData());
            after = nextCursor(page);
            assertThat(page.getData())
                    .as("a page with a next one is full; the last may be empty, after a full one")
                    .hasSizeBetween(after == null ? 0 : 2, 2);
            pages++;
        } while (after != null);

        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(steps(paged)).isEqualTo(whole);
        assertThat(paged)
                .extracting(entry -> entry.getTicketId() + "#" + entry.getStep().getSequence())
                .doesNotHaveDuplicates();
    }

    @Test
    void aStepOutOfOrderIsReadAsAProblemWithItsCode() throws ApiException {
        String ticket = tickets.ticketOpen(new TicketOpen().jobId(CHANGE_ITEMS).performedBy(requester), null)
                .getTicketId();

        ApiException refused =
                catchThrowableOfType(ApiException.class, () -> tickets.ticketGrantSandbox(ticket, grant(), null, null));

        assertThat(refused.getCode()).isEqualTo(409);
        Problem problem = problem(refused);
        assertThat(problem.getCode()).isEqualTo("STEP_OUT_OF_ORDER");
        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getType()).isEqualTo("urn:approval-engine:problem:step-out-of-order");
    }

    @Test
    void aStepOnAStaleIfMatchIs412NamingTheVersionExpectedAndTheCurrentOne() throws ApiException {
        String ticket = tickets.ticketOpen(new TicketOpen().jobId(CHANGE_ITEMS).performedBy(requester), null)
                .getTicketId();
        ApiResponse<TicketView> read = await(
                () -> tickets.ticketFindWithHttpInfo(ticket),
                answer -> answer.getData().getHistory().stream()
                        .anyMatch(entry -> entry.getEvent().equals("DeadlinesScheduled")));
        String etag = header(read, "ETag");
        tickets.ticketConfirmReading(ticket, reading(CHANGE_ITEMS_READINGS.get(0)), null, etag);

        ApiException stale = catchThrowableOfType(
                ApiException.class,
                () -> tickets.ticketConfirmReading(ticket, reading(CHANGE_ITEMS_READINGS.get(1)), null, etag));

        assertThat(stale.getCode()).isEqualTo(412);
        Problem problem = problem(stale);
        assertThat(problem.getCode()).isEqualTo("STALE_VERSION");
        assertThat(problem.getExpectedVersion()).isEqualTo(Long.parseLong(etag.replace("\"", "")));
        assertThat(problem.getCurrentVersion()).isEqualTo(problem.getExpectedVersion() + 1);
        assertThat(stale.getResponseHeaders().firstValue("ETag")).contains("\"" + problem.getCurrentVersion() + "\"");
    }

    // --- the requests

    private void readAll(String ticket) throws ApiException {
        for (String document : CHANGE_ITEMS_READINGS) {
            tickets.ticketConfirmReading(ticket, reading(document), null, null);
        }
    }

    private TicketReading reading(String document) {
        return new TicketReading().documentId(document).version("1").performedBy(requester);
    }

    private TicketRequest request(String ticket) {
        return new TicketRequest()
                .supportTicketRef("LTS-" + ticket)
                .note("for the barcode clean-up")
                .performedBy(requester);
    }

    private TicketSandboxGrant grant() {
        return new TicketSandboxGrant()
                .trainingMaterials(List.of("https://wiki.example/training/change-items"))
                .performedBy(librarian);
    }

    private static String enrol(
            StaffControllerApi staff, String id, String unit, StaffRegister.RolesEnum role, Set<String> liaisonUnits)
            throws ApiException {
        staff.staffRegister(
                new StaffRegister()
                        .staffId(id)
                        .displayName("Person " + id)
                        .unit(unit)
                        .roles(Set.of(role))
                        .liaisonUnits(liaisonUnits),
                null);
        return id;
    }

    // --- the client and its answers

    private static ApiClient client(String key) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + RunningService.shared().port());
        // the generator's native library leaves API keys to the caller
        client.setRequestInterceptor(request -> request.header("X-API-Key", key));
        return client;
    }

    private Problem problem(ApiException refused) {
        assertThat(refused.getResponseHeaders().firstValue("Content-Type")).contains("application/problem+json");
        try {
            return integration.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        } catch (java.io.IOException unreadable) {
            throw new AssertionError("not a problem: " + refused.getResponseBody(), unreadable);
        }
    }

    /** The {@code after=} of the page's {@code Link: <…>; rel="next"}, or null on the last page. */
    private static String nextCursor(ApiResponse<?> page) {
        String link = header(page, "Link");
        if (link == null) {
            return null;
        }
        assertThat(link).endsWith("; rel=\"next\"");
        Matcher after = java.util.regex.Pattern.compile("[?&]after=([^&>]+)").matcher(link);
        assertThat(after.find()).as("a cursor in " + link).isTrue();
        return java.net.URLDecoder.decode(after.group(1), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String header(ApiResponse<?> answer, String name) {
        return answer.getHeaders().entrySet().stream()
                .filter(header -> header.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .map(header -> header.getValue().get(0))
                .findFirst()
                .orElse(null);
    }

    /** The steps of a history, without the engine's notes of each wait's deadlines (those may arrive a moment later). */
    private static List<String> steps(List<AuditEntryView> entries) {
        return entries.stream()
                .filter(entry -> !entry.getStep().getEvent().equals("DeadlinesScheduled"))
                .map(entry -> entry.getTicketId() + " " + entry.getStep().getEvent())
                .toList();
    }

    /** What a read model shows once it has caught up with the commands just sent. */
    private static <T> T await(Callable<T> read, Predicate<T> until) {
        long deadline = System.nanoTime() + READ_MODEL_PATIENCE.toNanos();
        Object last = null;
        while (System.nanoTime() < deadline) {
            try {
                T answer = read.call();
                if (until.test(answer)) {
                    return answer;
                }
                last = answer;
            } catch (ApiException notYet) {
                if (notYet.getCode() != 404) {
                    throw new AssertionError(notYet.getCode() + " " + notYet.getResponseBody(), notYet);
                }
                last = notYet.getResponseBody();
            } catch (Exception unexpected) {
                throw new AssertionError(unexpected);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
        }
        throw new AssertionError("the read model never showed the expected state; last answer: " + last);
    }
}

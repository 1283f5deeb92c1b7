package org.signoff.ticket;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;

import org.signoff.catalog.api.JobDefinition;
import org.signoff.catalog.api.JobId;
import org.signoff.catalog.api.RequiredReading;
import org.signoff.catalog.api.TrainingClassId;
import org.signoff.common.CommandRejected;
import org.signoff.common.Rejection;
import org.signoff.lookup.CatalogEntry;
import org.signoff.lookup.DeadlinePolicy;
import org.signoff.lookup.JobCatalog;
import org.signoff.lookup.Performers;
import org.signoff.lookup.PersonalDataVault;
import org.signoff.lookup.StaffDirectory;
import org.signoff.lookup.StaffMembership;
import org.signoff.lookup.SupportTicketRefs;
import org.signoff.lookup.TicketSlots;
import org.signoff.lookup.TrainingRecords;
import org.signoff.staff.api.Role;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.AlmaCheck;
import org.signoff.ticket.api.AlmaRolesToApply;
import org.signoff.ticket.api.AlmaRolesToTakeBack;
import org.signoff.ticket.api.ApproveProductionUse;
import org.signoff.ticket.api.AttendedClass;
import org.signoff.ticket.api.CheckProductionRoleUpdateInAlma;
import org.signoff.ticket.api.CheckProductionRolesTakeBack;
import org.signoff.ticket.api.CheckSandboxGrantInAlma;
import org.signoff.ticket.api.ConfirmProductionRoleUpdate;
import org.signoff.ticket.api.ConfirmReading;
import org.signoff.ticket.api.DeadlinesScheduled;
import org.signoff.ticket.api.DenyProductionUse;
import org.signoff.ticket.api.EndForDeparture;
import org.signoff.ticket.api.GrantSandboxAccess;
import org.signoff.ticket.api.JobAccessRequested;
import org.signoff.ticket.api.NoteSandboxRun;
import org.signoff.ticket.api.ProductionRoleUpdated;
import org.signoff.ticket.api.ProductionRolesTakenBack;
import org.signoff.ticket.api.ProductionUseApproved;
import org.signoff.ticket.api.ProductionUseDenied;
import org.signoff.ticket.api.ProductionUseRecertified;
import org.signoff.ticket.api.ProductionUseSuspended;
import org.signoff.ticket.api.ReadingConfirmed;
import org.signoff.ticket.api.ReattestationRequired;
import org.signoff.ticket.api.RecertificationRequested;
import org.signoff.ticket.api.RecertifyProductionUse;
import org.signoff.ticket.api.RecordMigratedSignOff;
import org.signoff.ticket.api.ReminderIssued;
import org.signoff.ticket.api.ReportSandboxTest;
import org.signoff.ticket.api.RequestJobAccess;
import org.signoff.ticket.api.RequestRecertification;
import org.signoff.ticket.api.RequestRetest;
import org.signoff.ticket.api.RequestWithdrawn;
import org.signoff.ticket.api.RequireReattestation;
import org.signoff.ticket.api.RetestRequested;
import org.signoff.ticket.api.RevokeProductionUse;
import org.signoff.ticket.api.RoleRequestSubmitted;
import org.signoff.ticket.api.SandboxAccessGranted;
import org.signoff.ticket.api.SandboxRun;
import org.signoff.ticket.api.SandboxRunSeen;
import org.signoff.ticket.api.SandboxTestReported;
import org.signoff.ticket.api.SignOffDeadline;
import org.signoff.ticket.api.SignOffMigrated;
import org.signoff.ticket.api.SignOffStarted;
import org.signoff.ticket.api.SignOffValidUntil;
import org.signoff.ticket.api.StartSignOff;
import org.signoff.ticket.api.StepDeadline;
import org.signoff.ticket.api.SubmitRoleRequest;
import org.signoff.ticket.api.TakeBackProductionRoles;
import org.signoff.ticket.api.TicketEscalated;
import org.signoff.ticket.api.TicketEvent;
import org.signoff.ticket.api.TicketId;
import org.signoff.ticket.api.TicketLifecycle;
import org.signoff.ticket.api.TicketStatus;
import org.signoff.ticket.api.WithdrawRequest;

/**
 * One staff member's way to sign-off on one job (and variant): the six steps, each a command with its own rule, in
 * the order of the README's process table, then withdrawal. Its events are the audit trail. Every handler returns the
 * status the ticket reached.
 *
 * <p>Two helpers it owns and feeds its events do the rest. {@link TicketDeadlines} keeps the waits on its steps,
 * their reminders and limits: a step applies its event through {@link #moveOn} and never sees the scheduler.
 * {@link SignOffTerm} is the sign-off's life after approval (validity, recertification, re-attestation, suspension,
 * revocation, lapse, departure, migration); its handlers are declared here as one-line delegates, since Axon looks
 * for command and deadline handlers on the aggregate (an entity's only when it is not null), and no snapshot or
 * serialized copy of a ticket exists: both helpers are rebuilt from the events, like the ticket.
 */
public class SignOffTicket {

    @AggregateIdentifier
    private TicketId ticketId;

    private StaffId requester;
    private JobId jobId;
    private String variant;
    private TicketStatus status;
    /** when the Sandbox access was last granted: a run before it is not this test's */
    private Instant sandboxGrantedAt;
    /** the Alma runs noted while the ticket waited on its test: each once */
    private final Set<String> runsSeen = new HashSet<>();
    /** every reading the requester confirmed, each at the version they read */
    private final Set<ConfirmedReading> confirmedReadings = new HashSet<>();

    /** its waits and alarms: the scheduling half of every step */
    private final TicketDeadlines deadlines = new TicketDeadlines(this);

    /** the sign-off's life after approval */
    private final SignOffTerm term = new SignOffTerm(this, deadlines);

    /** the production roles the engine added in Alma, until taken back */
    private final ProductionRolesInAlma almaRoles = new ProductionRolesInAlma(this);

    SignOffTicket() {
        // for Axon
    }

    /**
     * Every command schedules through the deadline manager and policy of its own dispatch, so no step handler takes
     * them. (The constructor has no ticket to intercept yet: it hands them over itself.)
     */
    @CommandHandlerInterceptor
    void scheduleWith(Object command, DeadlineManager scheduler, DeadlinePolicy policy) {
        deadlines.use(scheduler, policy);
    }

    // --- 1 reading

    @CommandHandler
    SignOffTicket(
            StartSignOff command,
            StaffDirectory directory,
            JobCatalog catalog,
            TicketSlots slots,
            DeadlineManager scheduler,
            DeadlinePolicy policy) {
        Performers.withAnyRole(directory, command.performedBy(), Role.STAFF);
        String variant = placeFor(command.performedBy(), command.jobId(), command.variant(), catalog, slots);
        apply(new SignOffStarted(command.ticketId(), command.performedBy(), command.jobId(), variant));
        // applied events reach this instance after the constructor: the first wait is set from the command
        deadlines.use(scheduler, policy);
        deadlines.firstWait(command.ticketId(), command.jobId());
    }

    @CommandHandler
    TicketStatus handle(ConfirmReading command, StaffDirectory directory, JobCatalog catalog) {
        requireRequester(directory, command.performedBy());
        if (status != TicketStatus.READING && !term.awaitsReattestation(command.documentId())) {
            requireStatus(TicketStatus.READING, "confirm a reading");
        }
        RequiredReading reading = currentJob(catalog)
                .definition()
                .reading(command.documentId())
                .orElseThrow(() -> Rejection.UNKNOWN_READING.because(
                        "'" + command.documentId() + "' is not a required reading of job '" + jobId + "'"));
        if (!reading.version().equals(command.version())) {
            throw Rejection.OUTDATED_READING_VERSION.because("The current version of '" + reading.documentId() + "' is "
                    + reading.version() + ", not " + command.version());
        }
        if (confirmed(reading)) {
            throw Rejection.ALREADY_CONFIRMED.because(
                    "'" + reading.documentId() + "' version " + reading.version() + " is already confirmed");
        }
        apply(new ReadingConfirmed(ticketId, reading.documentId(), reading.version(), command.performedBy()));
        term.reinstateIfConfirmed(command.performedBy());
        return status;
    }

    // --- 2 request

    /**
     * The readings confirmed on the ticket, and every class the job requires now attended: a class added to the job
     * later holds for each ticket that has not asked yet. The request keeps the day of each class it rests on.
     */
    @CommandHandler
    TicketStatus handle(
            RequestJobAccess command,
            StaffDirectory directory,
            JobCatalog catalog,
            SupportTicketRefs refs,
            TrainingRecords training) {
        requireRequester(directory, command.performedBy());
        requireStatus(TicketStatus.READING, "request access");
        CatalogEntry job = openJob(catalog, jobId);
        List<String> unread = job.definition().requiredReadings().stream()
                .filter(reading -> !confirmed(reading))
                .map(reading -> reading.documentId() + " (version " + reading.version() + ")")
                .toList();
        if (!unread.isEmpty()) {
            throw Rejection.READINGS_NOT_CONFIRMED.because("Confirm these readings first: " + unread);
        }
        List<AttendedClass> attended = attendedClasses(training);
        refs.holder(command.supportTicketRef(), ticketId)
                .filter(other -> !other.equals(ticketId))
                .ifPresent(other -> {
                    throw Rejection.SUPPORT_TICKET_REF_IN_USE.because(
                            "Support ticket " + command.supportTicketRef() + " belongs to open ticket " + other);
                });
        moveOn(new JobAccessRequested(
                ticketId, command.supportTicketRef(), command.note(), command.performedBy(), attended));
        return status;
    }

    private List<AttendedClass> attendedClasses(TrainingRecords training) {
        List<TrainingRecords.ClassEntry> required = training.requiredOf(jobId);
        Map<TrainingClassId, LocalDate> attended = training.attendedBy(requester);
        List<TrainingRecords.ClassEntry> missing = required.stream()
                .filter(entry -> !attended.containsKey(entry.classId()))
                .toList();
        if (!missing.isEmpty()) {
            throw Rejection.CLASSES_NOT_ATTENDED
                    .because("Attend these training classes first: "
                            + missing.stream()
                                    .map(entry -> entry.title() + " (" + entry.classId() + ")")
                                    .toList())
                    .with(
                            "missingClasses",
                            missing.stream()
                                    .map(entry ->
                                            Map.of("classId", entry.classId().value(), "title", entry.title()))
                                    .toList());
        }
        return required.stream()
                .map(entry -> new AttendedClass(entry.classId(), attended.get(entry.classId())))
                .toList();
    }

    // --- 3 Sandbox grant

    @CommandHandler
    TicketStatus handle(GrantSandboxAccess command, StaffDirectory directory) {
        requireSandboxGrant(directory, command.performedBy());
        moveOn(new SandboxAccessGranted(
                ticketId, List.copyOf(command.trainingMaterials()), command.performedBy(), command.almaRolesAdded()));
        return status;
    }

    /** The grant's rules before its roles are written to Alma; nothing is recorded. */
    @CommandHandler
    AlmaRolesToApply handle(CheckSandboxGrantInAlma command, StaffDirectory directory, JobCatalog catalog) {
        requireSandboxGrant(directory, command.performedBy());
        return new AlmaRolesToApply(
                requester, jobId, status, currentJob(catalog).almaSide().sandboxRoles());
    }

    private void requireSandboxGrant(StaffDirectory directory, StaffId performer) {
        Performers.withAnyRole(directory, performer, Role.SYSTEMS_LIBRARIAN);
        requireStatus(TicketStatus.AWAITING_SANDBOX_GRANT, "grant Sandbox access");
        requireNotOwnTicket(performer, "grant Sandbox access");
    }

    // --- 4 test

    @CommandHandler
    TicketStatus handle(
            ReportSandboxTest command, StaffDirectory directory, JobCatalog catalog, PersonalDataVault people) {
        requireRequester(directory, command.performedBy());
        requireStatus(TicketStatus.AWAITING_TEST, "report a Sandbox test");
        AlmaCheck alma = command.alma() == null ? AlmaCheck.notVerified(null) : command.alma();
        if (alma.isVerified()) {
            requireRunOfThisTest(alma, catalog, people);
        }
        moveOn(new SandboxTestReported(
                ticketId,
                command.evidence(),
                command.notes(),
                command.performedBy(),
                alma.run(),
                alma.notVerifiedBecause()));
        return status;
    }

    /** A run Alma says ended is noted while the ticket waits on its test, once, if it is this test's. */
    @CommandHandler
    void handle(NoteSandboxRun command, JobCatalog catalog, PersonalDataVault people) {
        SandboxRun run = command.alma().run();
        if (status != TicketStatus.AWAITING_TEST || run == null || runsSeen.contains(run.instanceId())) {
            return;
        }
        try {
            requireRunOfThisTest(command.alma(), catalog, people);
        } catch (CommandRejected notThisTestsRun) {
            return;
        }
        apply(new SandboxRunSeen(ticketId, run));
    }

    /** A run read from Alma is this test's: of the ticket's job, by the requester, begun after the grant, ended. */
    private void requireRunOfThisTest(AlmaCheck alma, JobCatalog catalog, PersonalDataVault people) {
        SandboxRun run = alma.run();
        List<String> almaJobs = currentJob(catalog).almaSide().jobIds();
        if (!almaJobs.contains(run.almaJobId())) {
            throw Rejection.ALMA_RUN_OF_ANOTHER_JOB.because("Run " + run.instanceId() + " is of Alma job "
                    + run.almaJobId() + "; job " + jobId + " is Alma's " + almaJobs);
        }
        boolean byRequester = people.almaPrimaryIdOf(requester)
                .map(login -> login.equalsIgnoreCase(alma.submittedBy()))
                .orElse(false);
        if (!byRequester) {
            throw Rejection.ALMA_RUN_BY_ANOTHER_PERSON.because("Run " + run.instanceId()
                    + " was not submitted by the requester's Alma user (an administrator sets it on the person)");
        }
        if (run.endedAt() == null) {
            throw Rejection.ALMA_RUN_NOT_FINISHED.because(
                    "Run " + run.instanceId() + " has not ended (" + run.status() + "): report it once it has");
        }
        if (run.startedAt() == null
                || sandboxGrantedAt == null
                || run.startedAt().isBefore(sandboxGrantedAt)) {
            throw Rejection.ALMA_RUN_BEFORE_GRANT.because("Run " + run.instanceId() + " started at " + run.startedAt()
                    + ", before the Sandbox access was granted at " + sandboxGrantedAt);
        }
    }

    // --- 5 review

    @CommandHandler
    TicketStatus handle(ApproveProductionUse command, StaffDirectory directory, JobCatalog catalog) {
        requireReviewer(directory, command.performedBy(), "approve production use");
        boolean roleUpdateNeeded = command.roleUpdateNeeded() != null
                ? command.roleUpdateNeeded()
                : currentJob(catalog).definition().roleUpdateUsuallyNeeded();
        moveOn(new ProductionUseApproved(
                ticketId, requester, jobId, variant, roleUpdateNeeded, command.comment(), command.performedBy()));
        term.begin(catalog);
        return status;
    }

    @CommandHandler
    TicketStatus handle(RequestRetest command, StaffDirectory directory) {
        requireReviewer(directory, command.performedBy(), "request a retest");
        moveOn(new RetestRequested(ticketId, command.reason(), command.performedBy()));
        return status;
    }

    @CommandHandler
    TicketStatus handle(DenyProductionUse command, StaffDirectory directory) {
        requireReviewer(directory, command.performedBy(), "deny production use");
        moveOn(new ProductionUseDenied(ticketId, command.reason(), command.performedBy()));
        return status;
    }

    // --- 6 role update

    @CommandHandler
    TicketStatus handle(SubmitRoleRequest command, StaffDirectory directory) {
        StaffMembership liaison = Performers.withAnyRole(directory, command.performedBy(), Role.LIAISON);
        StaffMembership requesterNow = directory
                .find(requester)
                .orElseThrow(
                        () -> Rejection.UNKNOWN_STAFF.because("The requester '" + requester + "' left the directory"));
        if (!liaison.isLiaisonOf(requesterNow.unit())) {
            throw Rejection.NOT_LIAISON_OF_UNIT.because(
                    "'" + command.performedBy() + "' is not liaison of unit " + requesterNow.unit());
        }
        requireStatus(TicketStatus.AWAITING_ROLE_REQUEST, "submit the role request");
        moveOn(new RoleRequestSubmitted(ticketId, command.formRef(), command.performedBy()));
        return status;
    }

    @CommandHandler
    TicketStatus handle(ConfirmProductionRoleUpdate command, StaffDirectory directory) {
        requireRoleUpdate(directory, command.performedBy());
        moveOn(new ProductionRoleUpdated(ticketId, command.note(), command.performedBy(), command.almaRolesAdded()));
        return status;
    }

    /** The role update's rules before its roles are written to Alma; nothing is recorded. */
    @CommandHandler
    AlmaRolesToApply handle(CheckProductionRoleUpdateInAlma command, StaffDirectory directory, JobCatalog catalog) {
        requireRoleUpdate(directory, command.performedBy());
        return new AlmaRolesToApply(
                requester, jobId, status, currentJob(catalog).almaSide().productionRoles());
    }

    private void requireRoleUpdate(StaffDirectory directory, StaffId performer) {
        Performers.withAnyRole(directory, performer, Role.SUPPORT_TEAM);
        requireStatus(TicketStatus.AWAITING_ROLE_UPDATE, "confirm the production role update");
    }

    // --- any time before it ends: withdrawn

    @CommandHandler
    TicketStatus handle(WithdrawRequest command, StaffDirectory directory) {
        requireRequester(directory, command.performedBy());
        if (status.closed()) {
            throw Rejection.STEP_OUT_OF_ORDER.because("Ticket " + ticketId + " is " + status + ": nothing to withdraw");
        }
        moveOn(new RequestWithdrawn(ticketId, command.reason(), command.performedBy()));
        return status;
    }

    // --- after approval: the sign-off's term (SignOffTerm)

    @CommandHandler
    TicketStatus handle(RevokeProductionUse command, StaffDirectory directory) {
        return term.revoke(command, directory);
    }

    @CommandHandler
    TicketStatus handle(RecertifyProductionUse command, StaffDirectory directory, JobCatalog catalog) {
        return term.recertify(command, directory, catalog);
    }

    @CommandHandler
    TicketStatus handle(RequestRecertification command, StaffDirectory directory) {
        return term.requestRecertification(command, directory);
    }

    @CommandHandler
    TicketStatus handle(EndForDeparture command, StaffDirectory directory) {
        return term.endForDeparture(command, directory);
    }

    @CommandHandler
    SignOffTicket(RecordMigratedSignOff command, StaffDirectory directory, JobCatalog catalog, TicketSlots slots) {
        SignOffTerm.migrate(command, directory, catalog, slots);
    }

    @CommandHandler
    TicketStatus handle(RequireReattestation command, StaffDirectory directory, JobCatalog catalog) {
        return term.requireReattestation(command, directory, catalog);
    }

    // --- once the sign-off ended: the production roles the engine added, taken back (ProductionRolesInAlma)

    @CommandHandler
    AlmaRolesToTakeBack handle(
            CheckProductionRolesTakeBack command, StaffDirectory directory, JobCatalog catalog, TicketSlots slots) {
        return almaRoles.check(command, directory, catalog, slots);
    }

    @CommandHandler
    TicketStatus handle(TakeBackProductionRoles command, StaffDirectory directory) {
        almaRoles.takeBack(command, directory);
        return status;
    }

    @DeadlineHandler(deadlineName = TicketDeadlines.RECERTIFICATION)
    void recertificationDue(SignOffDeadline due) {
        term.recertificationDue(due);
    }

    @DeadlineHandler(deadlineName = TicketDeadlines.EXPIRY)
    void expired(SignOffDeadline due, DeadlineManager scheduler, DeadlinePolicy policy) {
        deadlines.use(scheduler, policy);
        term.expired(due);
    }

    @DeadlineHandler(deadlineName = TicketDeadlines.REATTESTATION)
    void reattestationDue(SignOffDeadline due, DeadlineManager scheduler, DeadlinePolicy policy) {
        deadlines.use(scheduler, policy);
        term.reattestationDue(due);
    }

    // --- the waits on the steps: a reminder, then a limit (TicketDeadlines)

    @DeadlineHandler(deadlineName = TicketDeadlines.REMINDER)
    void remind(StepDeadline due, DeadlineManager scheduler, DeadlinePolicy policy) {
        deadlines.use(scheduler, policy);
        deadlines.remind(due);
    }

    @DeadlineHandler(deadlineName = TicketDeadlines.LIMIT)
    void limitReached(StepDeadline due, DeadlineManager scheduler, DeadlinePolicy policy) {
        deadlines.use(scheduler, policy);
        deadlines.limitReached(due);
    }

    /** Applies a step's event; the ticket's deadlines follow it to the next wait. */
    private void moveOn(TicketEvent event) {
        deadlines.moveOn(event);
    }

    /** The time of the command being handled (the clock the event messages carry). */
    static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    // --- rules shared by the steps

    private void requireRequester(StaffDirectory directory, StaffId performer) {
        Performers.known(directory, performer);
        if (!requester.equals(performer)) {
            throw Rejection.NOT_THE_REQUESTER.because("Only the requester '" + requester + "' takes this step");
        }
    }

    private void requireReviewer(StaffDirectory directory, StaffId performer, String action) {
        Performers.withAnyRole(directory, performer, Role.SYSTEMS_LIBRARIAN);
        requireStatus(TicketStatus.AWAITING_REVIEW, action);
        if (requester.equals(performer)) {
            throw Rejection.SELF_REVIEW.because("The requester may not review their own test");
        }
    }

    /** A systems librarian who asked for the job acts on their ticket as its requester only. */
    void requireNotOwnTicket(StaffId performer, String action) {
        if (requester.equals(performer)) {
            throw Rejection.OWN_TICKET.because("A systems librarian may not " + action + " on their own ticket");
        }
    }

    private void requireStatus(TicketStatus expected, String action) {
        if (status != expected) {
            throw Rejection.STEP_OUT_OF_ORDER.because(
                    "Cannot " + action + " on ticket " + ticketId + ": it is " + status + ", not " + expected);
        }
    }

    CatalogEntry currentJob(JobCatalog catalog) {
        return catalog.find(jobId)
                .orElseThrow(() -> Rejection.UNKNOWN_JOB.because("Job '" + jobId + "' is no longer in the catalog"));
    }

    /**
     * Whether {@code staffId} may take a place on the job (and variant): the job open, the variant right, no ticket of
     * theirs holding it already. Returns the variant as stored (null for none).
     */
    static String placeFor(
            StaffId staffId, JobId jobId, String requestedVariant, JobCatalog catalog, TicketSlots slots) {
        CatalogEntry job = openJob(catalog, jobId);
        String variant = blankToNull(requestedVariant);
        checkVariant(job, variant);
        slots.holder(staffId, jobId, variant).ifPresent(open -> {
            throw Rejection.TICKET_ALREADY_OPEN.because(
                    "'" + staffId + "' already has ticket " + open + " for this job");
        });
        return variant;
    }

    private static CatalogEntry openJob(JobCatalog catalog, JobId jobId) {
        CatalogEntry job = catalog.find(jobId)
                .orElseThrow(() -> Rejection.UNKNOWN_JOB.because("No job '" + jobId + "' in the catalog"));
        if (job.retired()) {
            throw Rejection.JOB_RETIRED.because("Job '" + jobId + "' is retired and takes no new requests");
        }
        return job;
    }

    private static void checkVariant(CatalogEntry job, String variant) {
        JobDefinition definition = job.definition();
        if (!definition.signOffPerVariant()) {
            if (variant != null) {
                throw Rejection.UNKNOWN_VARIANT.because("Job '" + job.jobId() + "' has no variants");
            }
            return;
        }
        if (variant == null) {
            throw Rejection.VARIANT_REQUIRED.because(
                    "Job '" + job.jobId() + "' is signed off per variant; choose one of " + definition.variants());
        }
        if (!definition.variants().contains(variant)) {
            throw Rejection.UNKNOWN_VARIANT.because(
                    "'" + variant + "' is not a variant of job '" + job.jobId() + "': " + definition.variants());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Whether the requester confirmed this reading at this version. */
    boolean confirmed(RequiredReading reading) {
        return confirmedReadings.contains(ConfirmedReading.of(reading));
    }

    /** Whether the requester confirmed this document at some version. */
    boolean confirmedAnyVersionOf(String documentId) {
        return confirmedReadings.stream()
                .anyMatch(confirmed -> confirmed.documentId().equals(documentId));
    }

    TicketId ticketId() {
        return ticketId;
    }

    StaffId requester() {
        return requester;
    }

    JobId jobId() {
        return jobId;
    }

    String variant() {
        return variant;
    }

    TicketStatus status() {
        return status;
    }

    // --- state, assigned from the events only

    @EventSourcingHandler
    void on(SignOffStarted event) {
        ticketId = event.ticketId();
        requester = event.staffId();
        jobId = event.jobId();
        variant = event.variant();
        status = TicketLifecycle.statusAfter(null, event);
    }

    @EventSourcingHandler
    void on(SignOffMigrated event) {
        ticketId = event.ticketId();
        requester = event.staffId();
        jobId = event.jobId();
        variant = event.variant();
        status = TicketLifecycle.statusAfter(null, event);
    }

    @EventSourcingHandler
    void on(SandboxRunSeen event) {
        runsSeen.add(event.run().instanceId());
    }

    @EventSourcingHandler
    void on(SandboxAccessGranted event, @Timestamp Instant at) {
        sandboxGrantedAt = at;
        on((TicketEvent) event);
    }

    @EventSourcingHandler
    void on(ReadingConfirmed event) {
        confirmedReadings.add(new ConfirmedReading(event.documentId(), event.version()));
        term.on(event);
    }

    @EventSourcingHandler
    void on(DeadlinesScheduled event) {
        deadlines.on(event);
    }

    @EventSourcingHandler
    void on(ReminderIssued event) {
        deadlines.on(event);
    }

    @EventSourcingHandler
    void on(TicketEscalated event) {
        deadlines.on(event);
    }

    @EventSourcingHandler
    void on(SignOffValidUntil event) {
        term.on(event);
    }

    @EventSourcingHandler
    void on(RecertificationRequested event) {
        term.on(event);
    }

    @EventSourcingHandler
    void on(ProductionUseRecertified event) {
        term.on(event);
    }

    @EventSourcingHandler
    void on(ReattestationRequired event) {
        term.on(event);
    }

    @EventSourcingHandler
    void on(ProductionRoleUpdated event) {
        almaRoles.on(event);
        on((TicketEvent) event);
    }

    @EventSourcingHandler
    void on(ProductionRolesTakenBack event) {
        almaRoles.on(event);
        on((TicketEvent) event);
    }

    @EventSourcingHandler
    void on(ProductionUseSuspended event) {
        term.suspendedFrom(status);
        on((TicketEvent) event);
    }

    @EventSourcingHandler
    void on(TicketEvent event) {
        status = TicketLifecycle.statusAfter(status, event);
        deadlines.statusIs(status);
    }

    /** A document at a version: a pair, never one string that an id containing the separator could forge. */
    private record ConfirmedReading(String documentId, String version) {

        static ConfirmedReading of(RequiredReading reading) {
            return new ConfirmedReading(reading.documentId(), reading.version());
        }
    }

    @Override
    public String toString() {
        return "SignOffTicket[" + ticketId + ", " + Objects.toString(status) + "]";
    }
}

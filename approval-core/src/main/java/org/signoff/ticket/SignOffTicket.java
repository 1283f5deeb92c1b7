package org.signoff.ticket;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import org.signoff.catalog.api.JobDefinition;
import org.signoff.catalog.api.JobId;
import org.signoff.catalog.api.RequiredReading;
import org.signoff.common.Rejection;
import org.signoff.lookup.CatalogEntry;
import org.signoff.lookup.DeadlinePolicy;
import org.signoff.lookup.JobCatalog;
import org.signoff.lookup.Performers;
import org.signoff.lookup.StaffDirectory;
import org.signoff.lookup.StaffMembership;
import org.signoff.lookup.SupportTicketRefs;
import org.signoff.lookup.TicketSlots;
import org.signoff.staff.api.Role;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.ApproveProductionUse;
import org.signoff.ticket.api.ConfirmProductionRoleUpdate;
import org.signoff.ticket.api.ConfirmReading;
import org.signoff.ticket.api.DeadlinesScheduled;
import org.signoff.ticket.api.DenyProductionUse;
import org.signoff.ticket.api.EndForDeparture;
import org.signoff.ticket.api.GrantSandboxAccess;
import org.signoff.ticket.api.JobAccessRequested;
import org.signoff.ticket.api.ProductionRoleUpdated;
import org.signoff.ticket.api.ProductionUseApproved;
import org.signoff.ticket.api.ProductionUseDenied;
import org.signoff.ticket.api.ProductionUseLapsed;
import org.signoff.ticket.api.ProductionUseRecertified;
import org.signoff.ticket.api.ProductionUseReinstated;
import org.signoff.ticket.api.ProductionUseRevoked;
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
import org.signoff.ticket.api.RequesterLeft;
import org.signoff.ticket.api.RequireReattestation;
import org.signoff.ticket.api.RetestRequested;
import org.signoff.ticket.api.RevokeProductionUse;
import org.signoff.ticket.api.RoleRequestSubmitted;
import org.signoff.ticket.api.SandboxAccessExpired;
import org.signoff.ticket.api.SandboxAccessGranted;
import org.signoff.ticket.api.SandboxTestReported;
import org.signoff.ticket.api.SignOffDeadline;
import org.signoff.ticket.api.SignOffMigrated;
import org.signoff.ticket.api.SignOffStarted;
import org.signoff.ticket.api.SignOffValidUntil;
import org.signoff.ticket.api.StartSignOff;
import org.signoff.ticket.api.StepDeadline;
import org.signoff.ticket.api.SubmitRoleRequest;
import org.signoff.ticket.api.TicketEscalated;
import org.signoff.ticket.api.TicketEvent;
import org.signoff.ticket.api.TicketId;
import org.signoff.ticket.api.TicketLifecycle;
import org.signoff.ticket.api.TicketStatus;
import org.signoff.ticket.api.WithdrawRequest;

/**
 * One staff member's way to sign-off on one job (and variant): the six steps, each a command with its own rule.
 * Its events are the audit trail. Every handler returns the status the ticket reached.
 *
 * <p>Every wait on a step has two deadlines, from the {@link DeadlinePolicy}: a reminder, then a limit at which the
 * wait is escalated (or a Sandbox grant expires). They are set when the ticket starts waiting and recorded as an
 * event; one is scheduled at a time (the limit when the reminder goes out). A step done before its reminder passes
 * that reminder on to the next wait when it comes due no later than the next wait's own ({@link Alarm}): a ticket
 * that moves on in time then costs the scheduler one deadline, not one per step. A deadline nobody counts on any more
 * is cancelled.
 */
public class SignOffTicket {

    static final String REMINDER = "step-reminder";
    static final String LIMIT = "step-limit";
    static final String RECERTIFICATION = "sign-off-recertification";
    static final String EXPIRY = "sign-off-expiry";
    static final String REATTESTATION = "sign-off-reattestation";

    @AggregateIdentifier
    private TicketId ticketId;

    private StaffId requester;
    private JobId jobId;
    private String variant;
    private TicketStatus status;
    /** every reading the requester confirmed, each at the version they read */
    private final Set<ConfirmedReading> confirmedReadings = new HashSet<>();
    /** the deadlines of the step the ticket waits on; null when it has none */
    private Wait currentWait;

    /** the last reminder scheduled for a wait: the next wait may count on it (see {@link Alarm}) */
    private Alarm lastAlarm;

    private int waits;

    /** when the sign-off lapses unless recertified; null while it does not expire (or is not approved) */
    private Instant validUntil;

    private boolean recertificationRequested;

    /** the new versions of readings the requester must confirm for the sign-off to stay (or be back) in force */
    private List<RequiredReading> reattestationPending = List.of();

    /** when the sign-off is suspended unless every pending reading is confirmed */
    private Instant reattestationDueBy;

    /** the status a suspended ticket resumes when reinstated */
    private TicketStatus suspendedFrom;

    SignOffTicket() {
        // for Axon
    }

    @CommandHandler
    SignOffTicket(
            StartSignOff command,
            StaffDirectory directory,
            JobCatalog catalog,
            TicketSlots slots,
            DeadlineManager deadlines,
            DeadlinePolicy policy) {
        Performers.withAnyRole(directory, command.performedBy(), Role.STAFF);
        CatalogEntry job = openJob(catalog, command.jobId());
        String variant = blankToNull(command.variant());
        checkVariant(job, variant);
        slots.holder(command.performedBy(), command.jobId(), variant).ifPresent(open -> {
            throw Rejection.TICKET_ALREADY_OPEN.because(
                    "'" + command.performedBy() + "' already has ticket " + open + " for this job");
        });
        apply(new SignOffStarted(command.ticketId(), command.performedBy(), command.jobId(), variant));
        // applied events reach this instance after the constructor: the first wait is set from the command
        scheduleWait(command.ticketId(), command.jobId(), TicketLifecycle.OPENED, 1, now(), null, deadlines, policy);
    }

    /**
     * A sign-off from the old master list: the person (in the directory), the job (open, with the right variant) and
     * a free place are checked as for a new ticket; the ticket starts signed off.
     */
    @CommandHandler
    SignOffTicket(RecordMigratedSignOff command, StaffDirectory directory, JobCatalog catalog, TicketSlots slots) {
        Performers.withAnyRole(directory, command.performedBy(), Role.ADMIN);
        directory
                .find(command.staffId())
                .orElseThrow(() -> Rejection.UNKNOWN_STAFF.because("No staff member '" + command.staffId() + "'"));
        CatalogEntry job = openJob(catalog, command.jobId());
        String variant = blankToNull(command.variant());
        checkVariant(job, variant);
        slots.holder(command.staffId(), command.jobId(), variant).ifPresent(open -> {
            throw Rejection.TICKET_ALREADY_OPEN.because(
                    "'" + command.staffId() + "' already has ticket " + open + " for this job");
        });
        apply(new SignOffMigrated(
                command.ticketId(),
                command.staffId(),
                command.jobId(),
                variant,
                command.signedOffAt() != null ? command.signedOffAt() : now(),
                command.approvedBy(),
                command.source(),
                command.performedBy()));
    }

    @CommandHandler
    TicketStatus handle(ConfirmReading command, StaffDirectory directory, JobCatalog catalog) {
        requireRequester(directory, command.performedBy());
        if (status != TicketStatus.READING && !awaitsReattestation(command.documentId())) {
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
        if (confirmedReadings.contains(ConfirmedReading.of(reading))) {
            throw Rejection.ALREADY_CONFIRMED.because(
                    "'" + reading.documentId() + "' version " + reading.version() + " is already confirmed");
        }
        apply(new ReadingConfirmed(ticketId, reading.documentId(), reading.version(), command.performedBy()));
        if (status == TicketStatus.SUSPENDED && reattestationPending.isEmpty()) {
            apply(new ProductionUseReinstated(
                    ticketId, requester, jobId, variant, suspendedFrom, command.performedBy()));
        }
        return status;
    }

    /** A sign-off (in force or suspended) waits on the requester's confirmation of this document's new version. */
    private boolean awaitsReattestation(String documentId) {
        return status.holdsSignOff()
                && reattestationPending.stream()
                        .anyMatch(reading -> reading.documentId().equals(documentId));
    }

    /**
     * The job's reading changed: every document the requester confirmed at a version that is no longer current must
     * be confirmed again within the policy's period, or the sign-off is suspended. Documents added to the job since
     * were not part of what the sign-off rested on, and are not asked for.
     */
    @CommandHandler
    TicketStatus handle(
            RequireReattestation command,
            StaffDirectory directory,
            JobCatalog catalog,
            DeadlineManager deadlines,
            DeadlinePolicy policy) {
        Performers.withAnyRole(directory, command.performedBy(), Role.SYSTEMS_LIBRARIAN, Role.ADMIN);
        if (!status.holdsSignOff()) {
            return status; // an open ticket confirms the current versions before its request; an ended one rests
        }
        Set<String> confirmedDocuments = new HashSet<>();
        confirmedReadings.forEach(confirmed -> confirmedDocuments.add(confirmed.documentId()));
        List<RequiredReading> outdated = currentJob(catalog).definition().requiredReadings().stream()
                .filter(reading -> confirmedDocuments.contains(reading.documentId()))
                .filter(reading -> !confirmedReadings.contains(ConfirmedReading.of(reading)))
                .toList();
        if (outdated.isEmpty() || outdated.equals(reattestationPending)) {
            return status; // nothing new to confirm: a repeated sweep takes no step
        }
        Instant dueBy = status == TicketStatus.SUSPENDED
                ? reattestationDueBy // already off the list: it waits on the newest versions instead
                : now().plus(policy.reattestationPeriod());
        if (status != TicketStatus.SUSPENDED) {
            deadlines.schedule(dueBy, REATTESTATION, new SignOffDeadline(dueBy));
        }
        apply(new ReattestationRequired(ticketId, requester, jobId, outdated, dueBy, command.performedBy()));
        return status;
    }

    @CommandHandler
    TicketStatus handle(
            RequestJobAccess command,
            StaffDirectory directory,
            JobCatalog catalog,
            SupportTicketRefs refs,
            DeadlineManager deadlines,
            DeadlinePolicy policy) {
        requireRequester(directory, command.performedBy());
        requireStatus(TicketStatus.READING, "request access");
        CatalogEntry job = openJob(catalog, jobId);
        List<String> unread = job.definition().requiredReadings().stream()
                .filter(reading -> !confirmedReadings.contains(ConfirmedReading.of(reading)))
                .map(reading -> reading.documentId() + " (version " + reading.version() + ")")
                .toList();
        if (!unread.isEmpty()) {
            throw Rejection.READINGS_NOT_CONFIRMED.because("Confirm these readings first: " + unread);
        }
        refs.holder(command.supportTicketRef())
                .filter(other -> !other.equals(ticketId))
                .ifPresent(other -> {
                    throw Rejection.SUPPORT_TICKET_REF_IN_USE.because(
                            "Support ticket " + command.supportTicketRef() + " belongs to open ticket " + other);
                });
        moveOn(
                deadlines,
                policy,
                new JobAccessRequested(ticketId, command.supportTicketRef(), command.note(), command.performedBy()));
        return status;
    }

    @CommandHandler
    TicketStatus handle(
            GrantSandboxAccess command, StaffDirectory directory, DeadlineManager deadlines, DeadlinePolicy policy) {
        Performers.withAnyRole(directory, command.performedBy(), Role.SYSTEMS_LIBRARIAN);
        requireStatus(TicketStatus.AWAITING_SANDBOX_GRANT, "grant Sandbox access");
        requireNotOwnTicket(command.performedBy(), "grant Sandbox access");
        moveOn(
                deadlines,
                policy,
                new SandboxAccessGranted(ticketId, List.copyOf(command.trainingMaterials()), command.performedBy()));
        return status;
    }

    @CommandHandler
    TicketStatus handle(
            ReportSandboxTest command, StaffDirectory directory, DeadlineManager deadlines, DeadlinePolicy policy) {
        requireRequester(directory, command.performedBy());
        requireStatus(TicketStatus.AWAITING_TEST, "report a Sandbox test");
        moveOn(
                deadlines,
                policy,
                new SandboxTestReported(ticketId, command.evidence(), command.notes(), command.performedBy()));
        return status;
    }

    @CommandHandler
    TicketStatus handle(
            ApproveProductionUse command,
            StaffDirectory directory,
            JobCatalog catalog,
            DeadlineManager deadlines,
            DeadlinePolicy policy) {
        requireReviewer(directory, command.performedBy(), "approve production use");
        boolean roleUpdateNeeded = command.roleUpdateNeeded() != null
                ? command.roleUpdateNeeded()
                : currentJob(catalog).definition().roleUpdateUsuallyNeeded();
        moveOn(
                deadlines,
                policy,
                new ProductionUseApproved(
                        ticketId,
                        requester,
                        jobId,
                        variant,
                        roleUpdateNeeded,
                        command.comment(),
                        command.performedBy()));
        Duration validFor = currentJob(catalog).definition().signOffValidFor();
        if (validFor != null) {
            Instant until = now().plus(validFor);
            apply(new SignOffValidUntil(ticketId, until, scheduleValidity(until, deadlines, policy)));
        }
        return status;
    }

    @CommandHandler
    TicketStatus handle(
            RecertifyProductionUse command,
            StaffDirectory directory,
            JobCatalog catalog,
            DeadlineManager deadlines,
            DeadlinePolicy policy) {
        Performers.withAnyRole(directory, command.performedBy(), Role.SYSTEMS_LIBRARIAN);
        requireApproved("recertify");
        requireNotOwnTicket(command.performedBy(), "recertify production use");
        Duration validFor = currentJob(catalog).definition().signOffValidFor();
        if (validFor == null) {
            if (!recertificationRequested) {
                throw Rejection.STEP_OUT_OF_ORDER.because("Sign-offs of job " + jobId
                        + " do not expire and no campaign asked for this one: there is nothing to recertify");
            }
            apply(new ProductionUseRecertified(ticketId, null, command.reason(), command.performedBy()));
            return status;
        }
        Instant until = now().plus(validFor);
        apply(new ProductionUseRecertified(ticketId, until, command.reason(), command.performedBy()));
        apply(new SignOffValidUntil(ticketId, until, scheduleValidity(until, deadlines, policy)));
        return status;
    }

    @CommandHandler
    TicketStatus handle(RequestRecertification command, StaffDirectory directory) {
        Performers.withAnyRole(directory, command.performedBy(), Role.SYSTEMS_LIBRARIAN, Role.ADMIN);
        requireApproved("recertify");
        apply(new RecertificationRequested(
                ticketId, requester, jobId, validUntil, command.campaignId(), command.reason(), command.performedBy()));
        return status;
    }

    /** The deadlines of a period of validity; returns when recertification will be asked for. */
    private static Instant scheduleValidity(Instant until, DeadlineManager deadlines, DeadlinePolicy policy) {
        Instant now = now();
        Instant due = until.minus(policy.recertificationLead());
        if (due.isBefore(now)) {
            due = now;
        }
        deadlines.schedule(due, RECERTIFICATION, new SignOffDeadline(until));
        deadlines.schedule(until, EXPIRY, new SignOffDeadline(until));
        return due;
    }

    @CommandHandler
    TicketStatus handle(
            RequestRetest command, StaffDirectory directory, DeadlineManager deadlines, DeadlinePolicy policy) {
        requireReviewer(directory, command.performedBy(), "request a retest");
        moveOn(deadlines, policy, new RetestRequested(ticketId, command.reason(), command.performedBy()));
        return status;
    }

    @CommandHandler
    TicketStatus handle(
            DenyProductionUse command, StaffDirectory directory, DeadlineManager deadlines, DeadlinePolicy policy) {
        requireReviewer(directory, command.performedBy(), "deny production use");
        moveOn(deadlines, policy, new ProductionUseDenied(ticketId, command.reason(), command.performedBy()));
        return status;
    }

    @CommandHandler
    TicketStatus handle(
            SubmitRoleRequest command, StaffDirectory directory, DeadlineManager deadlines, DeadlinePolicy policy) {
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
        moveOn(deadlines, policy, new RoleRequestSubmitted(ticketId, command.formRef(), command.performedBy()));
        return status;
    }

    @CommandHandler
    TicketStatus handle(
            ConfirmProductionRoleUpdate command,
            StaffDirectory directory,
            DeadlineManager deadlines,
            DeadlinePolicy policy) {
        Performers.withAnyRole(directory, command.performedBy(), Role.SUPPORT_TEAM);
        requireStatus(TicketStatus.AWAITING_ROLE_UPDATE, "confirm the production role update");
        moveOn(deadlines, policy, new ProductionRoleUpdated(ticketId, command.note(), command.performedBy()));
        return status;
    }

    @CommandHandler
    TicketStatus handle(
            WithdrawRequest command, StaffDirectory directory, DeadlineManager deadlines, DeadlinePolicy policy) {
        requireRequester(directory, command.performedBy());
        if (status.closed()) {
            throw Rejection.STEP_OUT_OF_ORDER.because("Ticket " + ticketId + " is " + status + ": nothing to withdraw");
        }
        moveOn(deadlines, policy, new RequestWithdrawn(ticketId, command.reason(), command.performedBy()));
        return status;
    }

    @CommandHandler
    TicketStatus handle(
            RevokeProductionUse command, StaffDirectory directory, DeadlineManager deadlines, DeadlinePolicy policy) {
        Performers.withAnyRole(directory, command.performedBy(), Role.SYSTEMS_LIBRARIAN);
        if (status != TicketStatus.SUSPENDED) {
            requireApproved("revoke");
        }
        requireNotOwnTicket(command.performedBy(), "revoke production use");
        moveOn(
                deadlines,
                policy,
                new ProductionUseRevoked(ticketId, requester, jobId, variant, command.reason(), command.performedBy()));
        return status;
    }

    @CommandHandler
    TicketStatus handle(
            EndForDeparture command, StaffDirectory directory, DeadlineManager deadlines, DeadlinePolicy policy) {
        Performers.withAnyRole(directory, command.performedBy(), Role.ADMIN);
        if (!status.holdsSlot()) {
            throw Rejection.STEP_OUT_OF_ORDER.because("Ticket " + ticketId + " is " + status + ": it has ended");
        }
        boolean left = directory.find(requester).map(StaffMembership::left).orElse(true);
        if (!left) {
            throw Rejection.STEP_OUT_OF_ORDER.because(
                    "The requester '" + requester + "' has not left: record their departure first");
        }
        moveOn(
                deadlines,
                policy,
                new RequesterLeft(ticketId, requester, jobId, variant, command.reason(), command.performedBy()));
        return status;
    }

    // --- deadlines: every wait on a step has a reminder and a limit

    @DeadlineHandler(deadlineName = REMINDER)
    void remind(StepDeadline due, DeadlineManager deadlines) {
        if (currentWait == null || currentWait.reminded()) {
            return;
        }
        if (!current(due)) {
            Alarm alarm = currentWait.alarm();
            if (alarm.waitNumber() != due.waitNumber()) {
                return; // stale: nobody counts on it
            }
            // an earlier wait's reminder this wait counted on: remind now if this one is due, or set its own
            if (alarm.at().isBefore(currentWait.remindAt())) {
                deadlines.schedule(currentWait.remindAt(), REMINDER, new StepDeadline(currentWait.number()));
                return;
            }
        }
        String limitId = deadlines.schedule(currentWait.limitAt(), LIMIT, new StepDeadline(currentWait.number()));
        apply(new ReminderIssued(ticketId, status, currentWait.since(), limitId));
    }

    @DeadlineHandler(deadlineName = LIMIT)
    void limitReached(StepDeadline due, DeadlineManager deadlines, DeadlinePolicy policy) {
        if (!current(due) || currentWait.limitReached()) {
            return;
        }
        if (status == TicketStatus.AWAITING_TEST) {
            Wait expired = currentWait;
            apply(new SandboxAccessExpired(ticketId, expired.since()));
            // the new wait begins when the grant lapsed, whenever the scheduler got to it
            scheduleWait(ticketId, jobId, status, waits + 1, expired.limitAt(), null, deadlines, policy);
        } else {
            apply(new TicketEscalated(ticketId, status, currentWait.since()));
        }
    }

    // --- a sign-off that expires: recertified or lapsed (the deadlines of an earlier period do nothing)

    @DeadlineHandler(deadlineName = RECERTIFICATION)
    void recertificationDue(SignOffDeadline due) {
        if (status.approved() && due.until().equals(validUntil) && !recertificationRequested) {
            apply(RecertificationRequested.beforeLapse(ticketId, requester, jobId, validUntil));
        }
    }

    @DeadlineHandler(deadlineName = EXPIRY)
    void expired(SignOffDeadline due, DeadlineManager deadlines, DeadlinePolicy policy) {
        if (status.holdsSignOff() && due.until().equals(validUntil)) {
            moveOn(deadlines, policy, new ProductionUseLapsed(ticketId, requester, jobId, variant, validUntil));
        }
    }

    // --- a sign-off whose reading changed: confirmed in time, or suspended until it is

    @DeadlineHandler(deadlineName = REATTESTATION)
    void reattestationDue(SignOffDeadline due, DeadlineManager deadlines, DeadlinePolicy policy) {
        if (status.approved() && !reattestationPending.isEmpty() && due.until().equals(reattestationDueBy)) {
            moveOn(
                    deadlines,
                    policy,
                    new ProductionUseSuspended(ticketId, requester, jobId, variant, reattestationPending));
        }
    }

    /** A deadline of an earlier wait may still fire (cancelled as it came due); it changes nothing. */
    private boolean current(StepDeadline due) {
        return currentWait != null && currentWait.number() == due.waitNumber();
    }

    /**
     * Applies a step's event; if the ticket now waits on another step, new deadlines come, and the old ones go unless
     * the new wait counts on the old reminder.
     */
    private void moveOn(DeadlineManager deadlines, DeadlinePolicy policy, TicketEvent event) {
        Wait before = currentWait;
        apply(event);
        Alarm pending = null;
        if (before != null && currentWait == null) {
            if (!before.reminded()) {
                pending = before.alarm();
            } else if (!before.limitReached()) {
                deadlines.cancelSchedule(LIMIT, before.limitId());
            }
        }
        Alarm kept = null;
        if (currentWait == null && !status.closed()) {
            kept = scheduleWait(ticketId, jobId, status, waits + 1, now(), pending, deadlines, policy);
        }
        if (pending != null && pending != kept) {
            deadlines.cancelSchedule(REMINDER, pending.id());
        }
    }

    /**
     * Starts a wait on a step that has deadlines: its reminder is {@code pending}, an earlier wait's, if that comes
     * due first (and not so soon that it may be firing already), else one of its own. Returns the reminder the wait
     * counts on; null if the step has no deadlines.
     */
    private static Alarm scheduleWait(
            TicketId ticketId,
            JobId jobId,
            TicketStatus waitingOn,
            int wait,
            Instant since,
            Alarm pending,
            DeadlineManager deadlines,
            DeadlinePolicy policy) {
        return policy.limitsFor(jobId, waitingOn)
                .map(limits -> {
                    Instant remindAt = since.plus(limits.remindAfter());
                    Instant limitAt = since.plus(limits.limitAfter());
                    Alarm alarm = pending != null && pending.serves(since.plus(policy.reminderPassOnMargin()), remindAt)
                            ? pending
                            : new Alarm(deadlines.schedule(remindAt, REMINDER, new StepDeadline(wait)), wait, remindAt);
                    apply(new DeadlinesScheduled(ticketId, waitingOn, wait, since, remindAt, limitAt, alarm.id()));
                    return alarm;
                })
                .orElse(null);
    }

    /** The time of the command being handled (the clock the event messages carry). */
    private static Instant now() {
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
    private void requireNotOwnTicket(StaffId performer, String action) {
        if (requester.equals(performer)) {
            throw Rejection.OWN_TICKET.because("A systems librarian may not " + action + " on their own ticket");
        }
    }

    /** Production use is approved and not taken back: there is a sign-off to act on. */
    private void requireApproved(String action) {
        if (!status.approved()) {
            throw Rejection.STEP_OUT_OF_ORDER.because(
                    "Ticket " + ticketId + " is " + status + ": production use is not approved, nothing to " + action);
        }
    }

    private void requireStatus(TicketStatus expected, String action) {
        if (status != expected) {
            throw Rejection.STEP_OUT_OF_ORDER.because(
                    "Cannot " + action + " on ticket " + ticketId + ": it is " + status + ", not " + expected);
        }
    }

    private CatalogEntry currentJob(JobCatalog catalog) {
        return catalog.find(jobId)
                .orElseThrow(() -> Rejection.UNKNOWN_JOB.because("Job '" + jobId + "' is no longer in the catalog"));
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
    void on(ReadingConfirmed event) {
        confirmedReadings.add(new ConfirmedReading(event.documentId(), event.version()));
        reattestationPending = reattestationPending.stream()
                .filter(reading -> !(reading.documentId().equals(event.documentId())
                        && reading.version().equals(event.version())))
                .toList();
    }

    @EventSourcingHandler
    void on(ReattestationRequired event) {
        reattestationPending = List.copyOf(event.readings());
        reattestationDueBy = event.dueBy();
    }

    @EventSourcingHandler
    void on(ProductionUseSuspended event) {
        suspendedFrom = status;
        on((TicketEvent) event);
    }

    @EventSourcingHandler
    void on(DeadlinesScheduled event) {
        waits = event.waitNumber();
        // the same scheduler id as the last wait's reminder: this wait counts on it
        Alarm alarm = lastAlarm != null && lastAlarm.id().equals(event.reminderId())
                ? lastAlarm
                : new Alarm(event.reminderId(), event.waitNumber(), event.remindAt());
        lastAlarm = alarm;
        currentWait = new Wait(
                event.waitNumber(),
                event.waitingOn(),
                event.since(),
                event.remindAt(),
                event.limitAt(),
                alarm,
                null,
                false,
                false);
    }

    @EventSourcingHandler
    void on(ReminderIssued event) {
        if (currentWait != null) {
            currentWait = currentWait.reminded(event.limitId());
        }
    }

    @EventSourcingHandler
    void on(SignOffValidUntil event) {
        validUntil = event.until();
        recertificationRequested = false;
    }

    @EventSourcingHandler
    void on(RecertificationRequested event) {
        recertificationRequested = true;
    }

    @EventSourcingHandler
    void on(ProductionUseRecertified event) {
        recertificationRequested = false;
    }

    @EventSourcingHandler
    void on(TicketEscalated event) {
        if (currentWait != null) {
            currentWait = currentWait.limitReached(true);
        }
    }

    @EventSourcingHandler
    void on(TicketEvent event) {
        status = TicketLifecycle.statusAfter(status, event);
        if (currentWait != null && currentWait.waitingOn() != status) {
            currentWait = null;
        }
    }

    /** The deadlines of one wait on a step, and which of them came due. */
    private record Wait(
            int number,
            TicketStatus waitingOn,
            Instant since,
            Instant remindAt,
            Instant limitAt,
            Alarm alarm,
            String limitId,
            boolean reminded,
            boolean limitReached) {

        Wait reminded(String scheduledLimitId) {
            return new Wait(number, waitingOn, since, remindAt, limitAt, alarm, scheduledLimitId, true, limitReached);
        }

        Wait limitReached(boolean value) {
            return new Wait(number, waitingOn, since, remindAt, limitAt, alarm, limitId, reminded, value);
        }
    }

    /**
     * A scheduled reminder: the scheduler's id, the wait it was set for (its {@link StepDeadline}) and when it comes
     * due. When it fires for a later wait that counted on it, it reminds if that wait is due too, or sets that wait's
     * own reminder; either way each wait is reminded once, at its own time.
     */
    private record Alarm(String id, int waitNumber, Instant at) {

        /** Whether a wait may count on this reminder for one due at {@code remindAt}: due after {@code notBefore}. */
        boolean serves(Instant notBefore, Instant remindAt) {
            return at.isAfter(notBefore) && !at.isAfter(remindAt);
        }
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

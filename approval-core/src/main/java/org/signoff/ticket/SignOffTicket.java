package org.signoff.ticket;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import org.signoff.catalog.api.JobDefinition;
import org.signoff.catalog.api.JobId;
import org.signoff.catalog.api.RequiredReading;
import org.signoff.common.Rejection;
import org.signoff.lookup.CatalogEntry;
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
import org.signoff.ticket.api.TicketEvent;
import org.signoff.ticket.api.TicketId;
import org.signoff.ticket.api.TicketLifecycle;
import org.signoff.ticket.api.TicketStatus;
import org.signoff.ticket.api.WithdrawRequest;

/**
 * One staff member's way to sign-off on one job (and variant): the six steps, each a command with its own rule.
 * Its events are the audit trail. Every handler returns the status the ticket reached.
 */
public class SignOffTicket {

    @AggregateIdentifier
    private TicketId ticketId;

    private StaffId requester;
    private JobId jobId;
    private String variant;
    private TicketStatus status;
    /** every reading the requester confirmed, each at the version they read */
    private final Set<ConfirmedReading> confirmedReadings = new HashSet<>();

    SignOffTicket() {
        // for Axon
    }

    @CommandHandler
    SignOffTicket(StartSignOff command, StaffDirectory directory, JobCatalog catalog, TicketSlots slots) {
        Performers.withAnyRole(directory, command.performedBy(), Role.STAFF);
        CatalogEntry job = openJob(catalog, command.jobId());
        String variant = blankToNull(command.variant());
        checkVariant(job, variant);
        slots.holder(command.performedBy(), command.jobId(), variant).ifPresent(open -> {
            throw Rejection.TICKET_ALREADY_OPEN.because(
                    "'" + command.performedBy() + "' already has ticket " + open + " for this job");
        });
        apply(new SignOffStarted(command.ticketId(), command.performedBy(), command.jobId(), variant));
    }

    @CommandHandler
    TicketStatus handle(ConfirmReading command, StaffDirectory directory, JobCatalog catalog) {
        requireRequester(directory, command.performedBy());
        requireStatus(TicketStatus.READING, "confirm a reading");
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
        return status;
    }

    @CommandHandler
    TicketStatus handle(
            RequestJobAccess command, StaffDirectory directory, JobCatalog catalog, SupportTicketRefs refs) {
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
        apply(new JobAccessRequested(ticketId, command.supportTicketRef(), command.note(), command.performedBy()));
        return status;
    }

    @CommandHandler
    TicketStatus handle(GrantSandboxAccess command, StaffDirectory directory) {
        Performers.withAnyRole(directory, command.performedBy(), Role.SYSTEMS_LIBRARIAN);
        requireStatus(TicketStatus.AWAITING_SANDBOX_GRANT, "grant Sandbox access");
        requireNotOwnTicket(command.performedBy(), "grant Sandbox access");
        apply(new SandboxAccessGranted(ticketId, List.copyOf(command.trainingMaterials()), command.performedBy()));
        return status;
    }

    @CommandHandler
    TicketStatus handle(ReportSandboxTest command, StaffDirectory directory) {
        requireRequester(directory, command.performedBy());
        requireStatus(TicketStatus.AWAITING_TEST, "report a Sandbox test");
        apply(new SandboxTestReported(
                ticketId,
                command.jobInstanceRef(),
                command.recordsProcessed(),
                command.outcome(),
                command.notes(),
                command.performedBy()));
        return status;
    }

    @CommandHandler
    TicketStatus handle(ApproveProductionUse command, StaffDirectory directory, JobCatalog catalog) {
        requireReviewer(directory, command.performedBy(), "approve production use");
        boolean roleUpdateNeeded = command.roleUpdateNeeded() != null
                ? command.roleUpdateNeeded()
                : currentJob(catalog).definition().roleUpdateUsuallyNeeded();
        apply(new ProductionUseApproved(
                ticketId, requester, jobId, variant, roleUpdateNeeded, command.comment(), command.performedBy()));
        return status;
    }

    @CommandHandler
    TicketStatus handle(RequestRetest command, StaffDirectory directory) {
        requireReviewer(directory, command.performedBy(), "request a retest");
        apply(new RetestRequested(ticketId, command.reason(), command.performedBy()));
        return status;
    }

    @CommandHandler
    TicketStatus handle(DenyProductionUse command, StaffDirectory directory) {
        requireReviewer(directory, command.performedBy(), "deny production use");
        apply(new ProductionUseDenied(ticketId, command.reason(), command.performedBy()));
        return status;
    }

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
        apply(new RoleRequestSubmitted(ticketId, command.formRef(), command.performedBy()));
        return status;
    }

    @CommandHandler
    TicketStatus handle(ConfirmProductionRoleUpdate command, StaffDirectory directory) {
        Performers.withAnyRole(directory, command.performedBy(), Role.SUPPORT_TEAM);
        requireStatus(TicketStatus.AWAITING_ROLE_UPDATE, "confirm the production role update");
        apply(new ProductionRoleUpdated(ticketId, command.note(), command.performedBy()));
        return status;
    }

    @CommandHandler
    TicketStatus handle(WithdrawRequest command, StaffDirectory directory) {
        requireRequester(directory, command.performedBy());
        if (status.closed()) {
            throw Rejection.STEP_OUT_OF_ORDER.because("Ticket " + ticketId + " is " + status + ": nothing to withdraw");
        }
        apply(new RequestWithdrawn(ticketId, command.reason(), command.performedBy()));
        return status;
    }

    @CommandHandler
    TicketStatus handle(RevokeProductionUse command, StaffDirectory directory) {
        Performers.withAnyRole(directory, command.performedBy(), Role.SYSTEMS_LIBRARIAN);
        if (!status.approved()) {
            throw Rejection.STEP_OUT_OF_ORDER.because(
                    "Ticket " + ticketId + " is " + status + ": production use is not approved, nothing to revoke");
        }
        requireNotOwnTicket(command.performedBy(), "revoke production use");
        apply(new ProductionUseRevoked(ticketId, requester, jobId, variant, command.reason(), command.performedBy()));
        return status;
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
    void on(ReadingConfirmed event) {
        confirmedReadings.add(new ConfirmedReading(event.documentId(), event.version()));
    }

    @EventSourcingHandler
    void on(TicketEvent event) {
        status = TicketLifecycle.statusAfter(status, event);
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

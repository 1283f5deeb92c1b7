package org.signoff.ticket;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.signoff.catalog.api.RequiredReading;
import org.signoff.common.Rejection;
import org.signoff.lookup.JobCatalog;
import org.signoff.lookup.Performers;
import org.signoff.lookup.StaffDirectory;
import org.signoff.lookup.StaffMembership;
import org.signoff.lookup.TicketSlots;
import org.signoff.staff.api.Role;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.EndForDeparture;
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
import org.signoff.ticket.api.RequestRecertification;
import org.signoff.ticket.api.RequesterLeft;
import org.signoff.ticket.api.RequireReattestation;
import org.signoff.ticket.api.RevokeProductionUse;
import org.signoff.ticket.api.SignOffDeadline;
import org.signoff.ticket.api.SignOffMigrated;
import org.signoff.ticket.api.SignOffValidUntil;
import org.signoff.ticket.api.TicketStatus;

/**
 * The sign-off's life after approval: how long it is valid and its recertification, re-attestation of readings that
 * changed (suspension, reinstatement), revocation, lapse, the requester's departure, and a sign-off brought in from
 * the old master list. The {@link SignOffTicket} owns one and feeds it its events; its state comes from those only.
 * Its command and deadline handlers are declared on the ticket as one-line delegates, where Axon finds them.
 */
final class SignOffTerm {

    private final SignOffTicket ticket;
    private final TicketDeadlines deadlines;

    /** when the sign-off lapses unless recertified; null while it does not expire (or is not approved) */
    private Instant validUntil;

    private boolean recertificationRequested;

    /** the new versions of readings the requester must confirm for the sign-off to stay (or be back) in force */
    private List<RequiredReading> reattestationPending = List.of();

    /** when the sign-off is suspended unless every pending reading is confirmed */
    private Instant reattestationDueBy;

    /** the status a suspended ticket resumes when reinstated */
    private TicketStatus suspendedFrom;

    SignOffTerm(SignOffTicket ticket, TicketDeadlines deadlines) {
        this.ticket = ticket;
        this.deadlines = deadlines;
    }

    /**
     * A sign-off from the old master list: the person (in the directory), the job (open, with the right variant) and
     * a free place are checked as for a new ticket; the ticket starts signed off.
     */
    static void migrate(
            RecordMigratedSignOff command, StaffDirectory directory, JobCatalog catalog, TicketSlots slots) {
        Performers.withAnyRole(directory, command.performedBy(), Role.ADMIN);
        directory
                .find(command.staffId())
                .orElseThrow(() -> Rejection.UNKNOWN_STAFF.because("No staff member '" + command.staffId() + "'"));
        String variant = SignOffTicket.placeFor(command.staffId(), command.jobId(), command.variant(), catalog, slots);
        apply(new SignOffMigrated(
                command.ticketId(),
                command.staffId(),
                command.jobId(),
                variant,
                command.signedOffAt() != null ? command.signedOffAt() : SignOffTicket.now(),
                command.approvedBy(),
                command.source(),
                command.performedBy()));
    }

    // --- validity: recertified in time, or lapsed (the deadlines of an earlier period do nothing)

    /** Production use was just approved: on a job whose sign-offs expire, its first period begins. */
    void begin(JobCatalog catalog) {
        Duration validFor = ticket.currentJob(catalog).definition().signOffValidFor();
        if (validFor != null) {
            Instant until = SignOffTicket.now().plus(validFor);
            apply(new SignOffValidUntil(ticket.ticketId(), until, deadlines.scheduleValidity(until)));
        }
    }

    TicketStatus recertify(RecertifyProductionUse command, StaffDirectory directory, JobCatalog catalog) {
        Performers.withAnyRole(directory, command.performedBy(), Role.SYSTEMS_LIBRARIAN);
        requireApproved("recertify");
        ticket.requireNotOwnTicket(command.performedBy(), "recertify production use");
        Duration validFor = ticket.currentJob(catalog).definition().signOffValidFor();
        if (validFor == null) {
            if (!recertificationRequested) {
                throw Rejection.STEP_OUT_OF_ORDER.because("Sign-offs of job " + ticket.jobId()
                        + " do not expire and no campaign asked for this one: there is nothing to recertify");
            }
            apply(new ProductionUseRecertified(ticket.ticketId(), null, command.reason(), command.performedBy()));
            return ticket.status();
        }
        Instant until = SignOffTicket.now().plus(validFor);
        apply(new ProductionUseRecertified(ticket.ticketId(), until, command.reason(), command.performedBy()));
        apply(new SignOffValidUntil(ticket.ticketId(), until, deadlines.scheduleValidity(until)));
        return ticket.status();
    }

    TicketStatus requestRecertification(RequestRecertification command, StaffDirectory directory) {
        Performers.withAnyRole(directory, command.performedBy(), Role.SYSTEMS_LIBRARIAN, Role.ADMIN);
        requireApproved("recertify");
        apply(new RecertificationRequested(
                ticket.ticketId(),
                ticket.requester(),
                ticket.jobId(),
                validUntil,
                command.campaignId(),
                command.reason(),
                command.performedBy()));
        return ticket.status();
    }

    void recertificationDue(SignOffDeadline due) {
        if (ticket.status().approved() && due.until().equals(validUntil) && !recertificationRequested) {
            apply(RecertificationRequested.beforeLapse(
                    ticket.ticketId(), ticket.requester(), ticket.jobId(), validUntil));
        }
    }

    void expired(SignOffDeadline due) {
        if (ticket.status().holdsSignOff() && due.until().equals(validUntil)) {
            deadlines.moveOn(new ProductionUseLapsed(
                    ticket.ticketId(), ticket.requester(), ticket.jobId(), ticket.variant(), validUntil));
        }
    }

    // --- re-attestation: the new versions confirmed in time, or suspended until they are

    /** A sign-off (in force or suspended) waits on the requester's confirmation of this document's new version. */
    boolean awaitsReattestation(String documentId) {
        return ticket.status().holdsSignOff()
                && reattestationPending.stream()
                        .anyMatch(reading -> reading.documentId().equals(documentId));
    }

    /**
     * The job's reading changed: every document the requester confirmed at a version that is no longer current must
     * be confirmed again within the policy's period, or the sign-off is suspended. Documents added to the job since
     * were not part of what the sign-off rested on, and are not asked for.
     */
    TicketStatus requireReattestation(RequireReattestation command, StaffDirectory directory, JobCatalog catalog) {
        Performers.withAnyRole(directory, command.performedBy(), Role.SYSTEMS_LIBRARIAN, Role.ADMIN);
        TicketStatus status = ticket.status();
        if (!status.holdsSignOff()) {
            return status; // an open ticket confirms the current versions before its request; an ended one rests
        }
        List<RequiredReading> outdated = ticket.currentJob(catalog).definition().requiredReadings().stream()
                .filter(reading -> ticket.confirmedAnyVersionOf(reading.documentId()))
                .filter(reading -> !ticket.confirmed(reading))
                .toList();
        if (outdated.isEmpty() || outdated.equals(reattestationPending)) {
            return status; // nothing new to confirm: a repeated sweep takes no step
        }
        Instant dueBy = status == TicketStatus.SUSPENDED
                ? reattestationDueBy // already off the list: it waits on the newest versions instead
                : deadlines.reattestationDueBy();
        if (status != TicketStatus.SUSPENDED) {
            deadlines.scheduleReattestation(dueBy);
        }
        apply(new ReattestationRequired(
                ticket.ticketId(), ticket.requester(), ticket.jobId(), outdated, dueBy, command.performedBy()));
        return ticket.status();
    }

    /** A reading was just confirmed: a suspended sign-off whose new versions are now all confirmed is back. */
    void reinstateIfConfirmed(StaffId performer) {
        if (ticket.status() == TicketStatus.SUSPENDED && reattestationPending.isEmpty()) {
            apply(new ProductionUseReinstated(
                    ticket.ticketId(), ticket.requester(), ticket.jobId(), ticket.variant(), suspendedFrom, performer));
        }
    }

    void reattestationDue(SignOffDeadline due) {
        if (ticket.status().approved()
                && !reattestationPending.isEmpty()
                && due.until().equals(reattestationDueBy)) {
            deadlines.moveOn(new ProductionUseSuspended(
                    ticket.ticketId(), ticket.requester(), ticket.jobId(), ticket.variant(), reattestationPending));
        }
    }

    // --- its end: revoked, or its holder left

    TicketStatus revoke(RevokeProductionUse command, StaffDirectory directory) {
        Performers.withAnyRole(directory, command.performedBy(), Role.SYSTEMS_LIBRARIAN);
        if (ticket.status() != TicketStatus.SUSPENDED) {
            requireApproved("revoke");
        }
        ticket.requireNotOwnTicket(command.performedBy(), "revoke production use");
        deadlines.moveOn(new ProductionUseRevoked(
                ticket.ticketId(),
                ticket.requester(),
                ticket.jobId(),
                ticket.variant(),
                command.reason(),
                command.performedBy()));
        return ticket.status();
    }

    /** Open or signed off, a ticket whose requester left the directory ends. */
    TicketStatus endForDeparture(EndForDeparture command, StaffDirectory directory) {
        Performers.withAnyRole(directory, command.performedBy(), Role.ADMIN);
        if (!ticket.status().holdsSlot()) {
            throw Rejection.STEP_OUT_OF_ORDER.because(
                    "Ticket " + ticket.ticketId() + " is " + ticket.status() + ": it has ended");
        }
        StaffId requester = ticket.requester();
        boolean left = directory.find(requester).map(StaffMembership::left).orElse(true);
        if (!left) {
            throw Rejection.STEP_OUT_OF_ORDER.because(
                    "The requester '" + requester + "' has not left: record their departure first");
        }
        deadlines.moveOn(new RequesterLeft(
                ticket.ticketId(),
                requester,
                ticket.jobId(),
                ticket.variant(),
                command.reason(),
                command.performedBy()));
        return ticket.status();
    }

    /** Production use is approved and not taken back: there is a sign-off to act on. */
    private void requireApproved(String action) {
        if (!ticket.status().approved()) {
            throw Rejection.STEP_OUT_OF_ORDER.because("Ticket " + ticket.ticketId() + " is " + ticket.status()
                    + ": production use is not approved, nothing to " + action);
        }
    }

    // --- state, assigned from the ticket's events only

    void on(ReadingConfirmed event) {
        reattestationPending = reattestationPending.stream()
                .filter(reading -> !(reading.documentId().equals(event.documentId())
                        && reading.version().equals(event.version())))
                .toList();
    }

    void on(ReattestationRequired event) {
        reattestationPending = List.copyOf(event.readings());
        reattestationDueBy = event.dueBy();
    }

    /** The sign-off is suspended from {@code status}, which it resumes when reinstated. */
    void suspendedFrom(TicketStatus status) {
        suspendedFrom = status;
    }

    void on(SignOffValidUntil event) {
        validUntil = event.until();
        recertificationRequested = false;
    }

    void on(RecertificationRequested event) {
        recertificationRequested = true;
    }

    void on(ProductionUseRecertified event) {
        recertificationRequested = false;
    }
}

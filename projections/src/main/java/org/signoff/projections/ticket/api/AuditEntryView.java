package org.signoff.projections.ticket.api;

/**
 * One step of a ticket, with the ticket it belongs to: the step as the ticket's own history shows it (who acted,
 * and the client that sent it for them; when; the step's own data, such as a test report's evidence or the reason
 * of a retest, denial, withdrawal or revocation), and whose ticket it is, on which job and support ticket.
 *
 * <p>In a person's history a class attended is a step too ({@code ClassAttended}): it has no ticket, job or support
 * ticket; {@code requester} is whose training record it is, the step's {@code performedBy} who recorded it, its
 * {@code details} the class ({@code classId}, {@code title}) and the day ({@code attendedOn}).
 *
 * @param ticketId         the ticket, or {@code null} for a class attended
 * @param requester        whose ticket it is (whose training record, for a class attended)
 * @param supportTicketRef the support ticket of the ticketing system, once the request named it
 */
public record AuditEntryView(
        String ticketId,
        String jobId,
        String variant,
        String requester,
        String supportTicketRef,
        HistoryEntryView step) {}

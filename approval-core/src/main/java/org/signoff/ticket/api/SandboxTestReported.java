package org.signoff.ticket.api;

import org.axonframework.serialization.Revision;

import org.signoff.common.FreeText;
import org.signoff.staff.api.StaffId;

/**
 * The requester reported their Sandbox test.
 *
 * <p>Revision 2 keeps the test's evidence together, with links to its proof ({@link TestEvidence}). Revision 1 (stored
 * without a revision) had the job instance, record count and outcome as fields of their own; it is read through
 * {@code SandboxTestReportedUpcaster} in the service.
 */
@Revision("2")
public record SandboxTestReported(
        TicketId ticketId, TestEvidence evidence, @FreeText String notes, StaffId performedBy) implements TicketEvent {}

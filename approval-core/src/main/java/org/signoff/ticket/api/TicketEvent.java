package org.signoff.ticket.api;

import org.signoff.staff.api.StaffId;

/** A fact in a ticket's history: which ticket, and who made it happen (nobody, for the engine's own deadlines). */
public sealed interface TicketEvent
        permits SignOffStarted,
                SignOffMigrated,
                ReadingConfirmed,
                JobAccessRequested,
                SandboxAccessGranted,
                SandboxTestReported,
                SandboxRunSeen,
                ProductionUseApproved,
                RetestRequested,
                ProductionUseDenied,
                RoleRequestSubmitted,
                ProductionRoleUpdated,
                RequestWithdrawn,
                ProductionUseRevoked,
                DeadlinesScheduled,
                ReminderIssued,
                TicketEscalated,
                SandboxAccessExpired,
                SignOffValidUntil,
                RecertificationRequested,
                ProductionUseRecertified,
                ProductionUseLapsed,
                RequesterLeft,
                ReattestationRequired,
                ProductionUseSuspended,
                ProductionUseReinstated,
                ProductionRolesTakenBack {

    TicketId ticketId();

    StaffId performedBy();
}

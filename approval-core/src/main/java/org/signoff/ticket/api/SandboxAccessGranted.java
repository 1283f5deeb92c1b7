package org.signoff.ticket.api;

import java.util.List;

import org.signoff.staff.api.StaffId;

public record SandboxAccessGranted(TicketId ticketId, List<String> trainingMaterials, StaffId performedBy)
        implements TicketEvent {}

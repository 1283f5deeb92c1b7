package org.signoff.projections.ticket.api;

import java.util.List;

/** A ticket and its step history, oldest first. */
public record TicketView(TicketSummaryView ticket, List<HistoryEntryView> history) {}

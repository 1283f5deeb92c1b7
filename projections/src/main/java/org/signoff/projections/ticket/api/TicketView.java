package org.signoff.projections.ticket.api;

import java.util.List;

/**
 * A ticket and its step history, oldest first.
 *
 * @param training the classes its request rested on, each with the day the requester attended it; empty before the
 *     request, and for a request from before training was recorded
 */
public record TicketView(TicketSummaryView ticket, List<HistoryEntryView> history, List<TrainingView> training) {}

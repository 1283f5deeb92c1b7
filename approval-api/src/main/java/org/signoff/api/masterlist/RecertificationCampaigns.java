package org.signoff.api.masterlist;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import org.signoff.api.command.Commands;
import org.signoff.api.ids.TimeOrderedIds;
import org.signoff.api.readmodel.ReadYourWrites;
import org.signoff.common.Rejection;
import org.signoff.projections.masterlist.MasterListProjection;
import org.signoff.projections.masterlist.api.FetchMasterListQuery;
import org.signoff.projections.masterlist.api.MasterListView;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.RequestRecertification;
import org.signoff.ticket.api.TicketId;

/**
 * A recertification campaign on demand: every sign-off on the master list for a job, or for every job of a scope,
 * is asked for recertification (each ticket records it), under one campaign id whose progress is readable.
 */
@Component
class RecertificationCampaigns {

    private final Commands commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    RecertificationCampaigns(Commands commands, QueryGateway queries, ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    /** A started campaign: its id and the tickets it asked about. */
    record Started(String campaignId, List<String> asked) {}

    Started start(String jobId, String scope, String reason, StaffId performer) {
        String campaignId = commands.ids().key(TimeOrderedIds.next());
        readYourWrites.awaitCaughtUp(MasterListProjection.PROCESSING_GROUP); // a sign-off approved just before counts
        MasterListView list = queries.query(
                        FetchMasterListQuery.now(commands.ids()), ResponseTypes.instanceOf(MasterListView.class))
                .join();
        List<String> asked = new ArrayList<>();
        for (MasterListView.Scope listed : list.scopes()) {
            if (scope != null && !listed.scope().equals(scope)) {
                continue;
            }
            for (MasterListView.Job job : listed.jobs()) {
                if (jobId != null && !job.jobId().equals(commands.ids().prefix() + jobId)) {
                    continue;
                }
                List<MasterListView.SignedOff> people = new ArrayList<>(job.staff());
                job.variants().forEach(variant -> people.addAll(variant.staff()));
                for (MasterListView.SignedOff person : people) {
                    TicketId ticket = TicketId.of(person.ticketId());
                    if (commands.sendUnrememberedUnless(
                            Rejection.STEP_OUT_OF_ORDER, // it ended since the list was read
                            Rejection.UNKNOWN_TICKET,
                            "ticket",
                            ticket,
                            new RequestRecertification(ticket, campaignId, reason, performer))) {
                        asked.add(person.ticketId());
                    }
                }
            }
        }
        return new Started(campaignId, asked);
    }
}

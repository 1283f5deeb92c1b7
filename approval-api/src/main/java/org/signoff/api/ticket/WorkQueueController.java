package org.signoff.api.ticket;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.signoff.api.command.Commands;
import org.signoff.api.input.Identifier;
import org.signoff.api.input.Pages;
import org.signoff.common.Rejection;
import org.signoff.lookup.StaffDirectory;
import org.signoff.lookup.StaffMembership;
import org.signoff.projections.ticket.api.WaitingOnQuery;
import org.signoff.projections.ticket.api.WaitingView;
import org.signoff.staff.api.StaffId;

/**
 * "Waiting on me": what waits on the calling person (a person's own key or token), or on the person an
 * integration names ({@code staffId}, one it acts for), by the roles they hold now; longest waiting first.
 */
@RestController
class WorkQueueController {

    private final Commands commands;
    private final StaffDirectory directory;
    private final QueryGateway queries;

    WorkQueueController(Commands commands, StaffDirectory directory, QueryGateway queries) {
        this.commands = commands;
        this.directory = directory;
        this.queries = queries;
    }

    @GetMapping("/work-queue")
    ResponseEntity<List<WaitingView>> waitingOn(
            @RequestParam(required = false) @Identifier String staffId,
            @RequestParam(defaultValue = Pages.DEFAULT_LIMIT) @Min(1) @Max(Pages.MAX_LIMIT) int limit,
            @RequestParam(required = false) TicketCursor after) {
        StaffId person = commands.performer(staffId);
        StaffMembership membership = directory
                .find(person)
                .orElseThrow(() -> Rejection.UNKNOWN_STAFF.because("No staff member '" + person + "'"));
        List<WaitingView> page = queries.query(
                        new WaitingOnQuery(
                                person.value(),
                                membership.roles(),
                                membership.liaisonUnits(),
                                false,
                                after == null ? null : after.updatedAt(),
                                after == null ? null : after.ticketId(),
                                limit),
                        ResponseTypes.multipleInstancesOf(WaitingView.class))
                .join();
        return Pages.of(page, limit, waiting -> waiting.waitingSince() + "|" + waiting.ticketId());
    }
}

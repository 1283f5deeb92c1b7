package org.signoff.api.alma;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import org.signoff.api.command.Commands;
import org.signoff.api.input.Identifier;
import org.signoff.api.input.IfMatch;
import org.signoff.common.Rejection;
import org.signoff.ticket.api.TicketId;

/**
 * The support team's task once a sign-off ended (revoked, lapsed, the requester left): the production roles the
 * engine added for it in step 6 taken from the requester's production user, but those another of the person's
 * tickets needs ({@link ProductionRoleTakeBacks}).
 */
@RestController
class AlmaRoleTakeBack {

    private final Commands commands;
    private final ProductionRoleTakeBacks takeBacks;

    AlmaRoleTakeBack(Commands commands, ProductionRoleTakeBacks takeBacks) {
        this.commands = commands;
        this.takeBacks = takeBacks;
    }

    /** {@code dryRun} must be said, as for the steps: a forgotten one would write to Alma. */
    record Body(@Identifier String performedBy, @NotNull Boolean dryRun) {}

    @Operation(
            summary = "Once a sign-off ended: the production roles the engine added taken back from the requester's"
                    + " production user, but those another of their tickets needs",
            description = "The support team, on a ticket revoked, lapsed or ended by a departure whose step 6 went"
                    + " through Alma (else 409 STEP_OUT_OF_ORDER). dryRun true lists what would be removed and kept"
                    + " and writes nothing; false removes them and records ProductionRolesTakenBack. 409"
                    + " ALMA_NOT_CONFIGURED without a production connection; 422 ALMA_PRIMARY_ID_NOT_SET.")
    @PostMapping("/tickets/{ticketId}/production-roles/take-back")
    ProductionRoleTakeBacks.Result takeBack(
            @PathVariable TicketId ticketId,
            @Valid @RequestBody Body body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) IfMatch ifMatch) {
        return takeBacks.takeBack(
                ticketId,
                commands.performer(body.performedBy()),
                body.dryRun(),
                IfMatch.versionOf(ifMatch),
                new ProductionRoleTakeBacks.Sender() {
                    @Override
                    public <R> R send(Object command) {
                        return commands.sendUnremembered(Rejection.UNKNOWN_TICKET, "ticket", ticketId, command);
                    }
                });
    }
}

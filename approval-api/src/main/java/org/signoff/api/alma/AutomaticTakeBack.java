package org.signoff.api.alma;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import org.signoff.api.command.EngineCommands;
import org.signoff.common.CommandRejected;
import org.signoff.common.InstitutionCode;
import org.signoff.ticket.api.ProductionUseLapsed;
import org.signoff.ticket.api.ProductionUseRevoked;
import org.signoff.ticket.api.RequesterLeft;
import org.signoff.ticket.api.TicketId;

/**
 * Where an institution's {@code approval.alma.production.take-back=automatic} (a member's
 * {@code approval.members[n].alma.production.take-back}): as a sign-off ends (revoked, lapsed, the requester
 * left), the engine takes back the production roles it added, as nobody. A ticket whose step 6 was by hand has none
 * (refused, and passed over); one Alma refuses or cannot be reached for stays the support team's task, said in the
 * log by ticket (never whose user). Only the endings from the processor's start on: a replay must not write to Alma.
 */
@Component
@ProcessingGroup(AutomaticTakeBack.PROCESSING_GROUP)
@DisallowReplay
class AutomaticTakeBack {

    static final String PROCESSING_GROUP = "alma-take-back";

    private static final Logger log = LoggerFactory.getLogger(AutomaticTakeBack.class);

    private final AlmaConnections alma;
    private final ProductionRoleTakeBacks takeBacks;
    private final CommandGateway gateway;

    AutomaticTakeBack(AlmaConnections alma, ProductionRoleTakeBacks takeBacks, CommandGateway gateway) {
        this.alma = alma;
        this.takeBacks = takeBacks;
        this.gateway = gateway;
    }

    @EventHandler
    void on(ProductionUseRevoked event) {
        takeBack(event.ticketId());
    }

    @EventHandler
    void on(ProductionUseLapsed event) {
        takeBack(event.ticketId());
    }

    @EventHandler
    void on(RequesterLeft event) {
        takeBack(event.ticketId());
    }

    private void takeBack(TicketId ticketId) {
        InstitutionCode institution = alma.institutionOf(ticketId.value());
        if (!alma.takesBackAutomatically(institution)) {
            return;
        }
        try {
            takeBacks.takeBack(ticketId, null, false, null, new ProductionRoleTakeBacks.Sender() {
                @Override
                public <R> R send(Object command) {
                    // the engine's own commands, within the ticket's institution
                    return gateway.sendAndWait(EngineCommands.within(institution, command));
                }
            });
        } catch (CommandRejected nothingToTake) {
            log.debug("Ticket {}: nothing to take back in Alma ({})", ticketId, nothingToTake.getMessage());
        } catch (RuntimeException failed) {
            log.warn(
                    "Ticket {}: the production roles the engine added were not taken back ({}); it stays the support"
                            + " team's task",
                    ticketId,
                    failed.getMessage());
        }
    }
}

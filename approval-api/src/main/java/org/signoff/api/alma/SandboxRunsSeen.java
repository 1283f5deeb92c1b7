package org.signoff.api.alma;

import java.util.Optional;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import org.signoff.api.command.EngineCommands;
import org.signoff.api.problem.ProblemException;
import org.signoff.common.InstitutionScope;
import org.signoff.lookup.PersonalDataVault;
import org.signoff.lookup.TicketSlots;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.NoteSandboxRun;
import org.signoff.ticket.api.TicketId;

/**
 * Alma's JOB_END, turned into "a Sandbox run was seen" on the tickets it may be the test of: the run is read again
 * from the Sandbox API (nothing in a notification is trusted), the person Alma says ran it is found by their Alma
 * primary id, and each of their open tickets is asked to note it; a ticket notes only a run of its job since its grant
 * while it waits on its test, and the webhook outbox tells the ticketing system. After the notification is taken:
 * a run noted late or not at all costs nothing, the requester can always report it.
 */
@Component
class SandboxRunsSeen {

    private static final Logger log = LoggerFactory.getLogger(SandboxRunsSeen.class);

    private final AlmaConnections connections;
    private final PersonalDataVault people;
    private final TicketSlots tickets;
    private final CommandGateway commands;

    SandboxRunsSeen(
            AlmaConnections connections, PersonalDataVault people, TicketSlots tickets, CommandGateway commands) {
        this.connections = connections;
        this.people = people;
        this.tickets = tickets;
        this.commands = commands;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AlmaJobEnded ended) {
        // the Sandbox of the institution whose Alma sent it: its people, its tickets
        InstitutionScope institution = ended.institution();
        Optional<AlmaConnection> sandbox = connections.of(institution.code(), AlmaEnvironment.SANDBOX);
        if (sandbox.isEmpty()) {
            return; // nothing can confirm it
        }
        AlmaJobInstance run;
        try {
            run = sandbox.get()
                    .jobInstance(ended.instance().jobId(), ended.instance().id());
        } catch (ProblemException unconfirmed) {
            log.warn(
                    "Alma's JOB_END {} not confirmed by the Sandbox API: {}",
                    ended.notificationId(),
                    unconfirmed.getMessage());
            return;
        }
        Optional<StaffId> requester = run.submittedBy() == null
                ? Optional.empty()
                : people.holderOfAlmaPrimaryId(run.submittedBy(), institution.prefix());
        if (requester.isEmpty()) {
            return; // a run by nobody the directory knows: not a ticket's
        }
        SandboxRuns.Reading reading = SandboxRuns.Reading.verified(run);
        for (TicketId ticket : tickets.heldBy(requester.get())) {
            try {
                commands.sendAndWait(
                        EngineCommands.within(institution.code(), new NoteSandboxRun(ticket, reading.check())));
            } catch (RuntimeException notNoted) {
                log.warn("Run {} not noted on ticket {}: {}", run.id(), ticket, notNoted.toString());
            }
        }
    }
}

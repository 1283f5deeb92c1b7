package org.signoff.api.command;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

import org.signoff.common.Rejection;

/**
 * The command gateway as controllers use it. A command for an existing ticket, job or person names what it expects
 * to find: when the store has nothing under that id, or something of another kind (tickets, jobs and people share
 * the event store's id space), the caller gets that kind's {@code UNKNOWN_*} rejection.
 */
@Component
public class Commands {

    private final CommandGateway gateway;

    Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** A command that creates something; it has nothing to find. */
    public <R> R create(Object command) {
        return gateway.sendAndWait(command);
    }

    /** A command to the {@code kind} (e.g. "ticket") with this {@code id}, refused as {@code unknown} if absent. */
    public <R> R sendTo(Rejection unknown, String kind, Object id, Object command) {
        try {
            return gateway.sendAndWait(command);
        } catch (AggregateNotFoundException | IncompatibleAggregateException notThere) {
            throw unknown.because("No " + kind + " '" + id + "'");
        }
    }
}

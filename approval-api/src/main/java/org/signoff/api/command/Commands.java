package org.signoff.api.command;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

import org.signoff.api.security.Callers;
import org.signoff.common.Rejection;
import org.signoff.staff.api.StaffId;

/**
 * The command gateway as controllers use it: commands go out for the caller of the request, naming the client that
 * sent them (the events they cause carry it). A command for an existing ticket, job or person names what it expects
 * to find: when the store has nothing under that id, or something of another kind (tickets, jobs and people share
 * the event store's id space), the caller gets that kind's {@code UNKNOWN_*} rejection.
 */
@Component
public class Commands {

    private final CommandGateway gateway;
    private final Callers callers;

    Commands(CommandGateway gateway, Callers callers) {
        this.gateway = gateway;
        this.callers = callers;
    }

    /** Who performs a command whose body says {@code performedBy} (see {@link Callers#performer}). */
    public StaffId performer(String performedBy) {
        return callers.performer(performedBy);
    }

    /** A command that creates something; it has nothing to find. */
    public <R> R create(Object command) {
        return gateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(callers.metaData()));
    }

    /** A command to the {@code kind} (e.g. "ticket") with this {@code id}, refused as {@code unknown} if absent. */
    public <R> R sendTo(Rejection unknown, String kind, Object id, Object command) {
        try {
            return create(command);
        } catch (AggregateNotFoundException | IncompatibleAggregateException notThere) {
            throw unknown.because("No " + kind + " '" + id + "'");
        }
    }
}

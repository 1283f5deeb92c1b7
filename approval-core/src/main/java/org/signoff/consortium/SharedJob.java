package org.signoff.consortium;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import org.signoff.catalog.Job;
import org.signoff.catalog.api.SharedJobId;
import org.signoff.consortium.api.ChangeSharedJob;
import org.signoff.consortium.api.DefineSharedJob;
import org.signoff.consortium.api.SharedJobChanged;
import org.signoff.consortium.api.SharedJobDefined;
import org.signoff.lookup.Performers;
import org.signoff.lookup.StaffDirectory;
import org.signoff.staff.api.Role;

/** A job of the consortium's shared catalog: its definition changes over time, by version. */
public class SharedJob {

    @AggregateIdentifier
    private SharedJobId sharedJobId;

    private int version;

    SharedJob() {
        // for Axon
    }

    @CommandHandler
    SharedJob(DefineSharedJob command, StaffDirectory directory) {
        Performers.withAnyRole(directory, command.performedBy(), Role.CONSORTIUM_ADMIN);
        Job.checkDefinition(command.definition());
        apply(new SharedJobDefined(command.sharedJobId(), command.definition(), command.performedBy()));
    }

    @CommandHandler
    void handle(ChangeSharedJob command, StaffDirectory directory) {
        Performers.withAnyRole(directory, command.performedBy(), Role.CONSORTIUM_ADMIN);
        Job.checkDefinition(command.definition());
        apply(new SharedJobChanged(sharedJobId, command.definition(), version + 1, command.performedBy()));
    }

    @EventSourcingHandler
    void on(SharedJobDefined event) {
        sharedJobId = event.sharedJobId();
        version = 1;
    }

    @EventSourcingHandler
    void on(SharedJobChanged event) {
        version = event.version();
    }
}

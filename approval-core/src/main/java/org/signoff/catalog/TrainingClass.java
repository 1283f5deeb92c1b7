package org.signoff.catalog;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import org.signoff.catalog.api.RegisterTrainingClass;
import org.signoff.catalog.api.TrainingClassId;
import org.signoff.catalog.api.TrainingClassRegistered;
import org.signoff.common.Rejection;
import org.signoff.lookup.Performers;
import org.signoff.lookup.StaffDirectory;
import org.signoff.staff.api.Role;

/**
 * A training class of the catalog (the staff training programme for the move to Alma). An aggregate of its own, as a
 * job is: a class is named by many jobs and outlives any one of them.
 */
public class TrainingClass {

    @AggregateIdentifier
    private TrainingClassId classId;

    TrainingClass() {
        // for Axon
    }

    @CommandHandler
    TrainingClass(RegisterTrainingClass command, StaffDirectory directory) {
        Performers.withAnyRole(directory, command.performedBy(), Role.SYSTEMS_LIBRARIAN, Role.ADMIN);
        if (blank(command.title()) || blank(command.functionalArea())) {
            throw Rejection.INVALID_DEFINITION.because("A training class has a title and a functional area");
        }
        apply(new TrainingClassRegistered(
                command.classId(),
                command.title(),
                command.functionalArea(),
                command.requiredOfEveryJob(),
                command.performedBy()));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @EventSourcingHandler
    void on(TrainingClassRegistered event) {
        classId = event.classId();
    }
}

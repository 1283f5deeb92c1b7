package org.signoff.institution;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import org.signoff.common.Rejection;
import org.signoff.institution.api.InstitutionRegistered;
import org.signoff.institution.api.RegisterInstitution;
import org.signoff.lookup.Performers;
import org.signoff.lookup.StaffDirectory;
import org.signoff.staff.api.Role;

/** A member institution of the consortium, by its code: registered once, never renamed by its code. */
public class Institution {

    @AggregateIdentifier
    private String id;

    Institution() {
        // for Axon
    }

    @CommandHandler
    Institution(RegisterInstitution command, StaffDirectory directory) {
        Performers.withAnyRole(directory, command.performedBy(), Role.CONSORTIUM_ADMIN);
        if (command.name() == null || command.name().isBlank()) {
            throw Rejection.INVALID_DEFINITION.because("An institution has a name");
        }
        apply(new InstitutionRegistered(command.code(), command.name().strip(), command.performedBy()));
    }

    @EventSourcingHandler
    void on(InstitutionRegistered event) {
        id = RegisterInstitution.aggregateIdOf(event.code());
    }
}

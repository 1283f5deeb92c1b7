package org.signoff.institution;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import org.signoff.common.Rejection;
import org.signoff.institution.api.AnalyticsSharingSet;
import org.signoff.institution.api.InstitutionRegistered;
import org.signoff.institution.api.RegisterInstitution;
import org.signoff.institution.api.SetAnalyticsSharing;
import org.signoff.lookup.Performers;
import org.signoff.lookup.StaffDirectory;
import org.signoff.staff.api.Role;

/** A member institution of the consortium, by its code: registered once, never renamed by its code. */
public class Institution {

    @AggregateIdentifier
    private String id;

    private boolean sharesAnalytics;

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

    /**
     * The institution's administrators decide; the default institution, never registered, has its history begin
     * here. The same choice again records nothing.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SetAnalyticsSharing command, StaffDirectory directory) {
        Performers.withAnyRole(directory, command.performedBy(), Role.ADMIN);
        if (id != null && command.shares() == sharesAnalytics) {
            return;
        }
        apply(new AnalyticsSharingSet(command.code(), command.shares(), command.performedBy()));
    }

    @EventSourcingHandler
    void on(AnalyticsSharingSet event) {
        id = RegisterInstitution.aggregateIdOf(event.code());
        sharesAnalytics = event.shares();
    }

    @EventSourcingHandler
    void on(InstitutionRegistered event) {
        id = RegisterInstitution.aggregateIdOf(event.code());
    }
}

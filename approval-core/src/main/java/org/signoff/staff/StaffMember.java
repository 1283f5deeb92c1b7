package org.signoff.staff;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.signoff.common.Rejection;
import org.signoff.lookup.PersonalDataVault;
import org.signoff.lookup.Performers;
import org.signoff.lookup.StaffDirectory;
import org.signoff.staff.api.ChangeStaffMember;
import org.signoff.staff.api.EnrolFirstAdministrator;
import org.signoff.staff.api.RegisterStaffMember;
import org.signoff.staff.api.Role;
import org.signoff.staff.api.StaffId;
import org.signoff.staff.api.StaffMemberChanged;
import org.signoff.staff.api.StaffMemberRegistered;

import java.util.Set;

/**
 * A person of the staff directory. Their display name goes to the {@link PersonalDataVault}; the events hold only
 * the unit and roles.
 */
public class StaffMember {

    @AggregateIdentifier
    private StaffId staffId;

    StaffMember() {
        // for Axon
    }

    @CommandHandler
    StaffMember(RegisterStaffMember command, StaffDirectory directory, PersonalDataVault vault) {
        Performers.withAnyRole(directory, command.performedBy(), Role.ADMIN);
        checkLiaison(command.roles(), command.liaisonUnits());
        vault.storeDisplayName(command.staffId(), command.displayName());
        apply(new StaffMemberRegistered(command.staffId(), command.unit(), Set.copyOf(command.roles()),
                Set.copyOf(command.liaisonUnits()), command.performedBy()));
    }

    @CommandHandler
    StaffMember(EnrolFirstAdministrator command, StaffDirectory directory, PersonalDataVault vault) {
        if (directory.hasAdministrator()) {
            throw Rejection.ADMINISTRATOR_EXISTS.because("The directory already has an administrator");
        }
        vault.storeDisplayName(command.staffId(), command.displayName());
        apply(new StaffMemberRegistered(command.staffId(), command.unit(), Set.of(Role.ADMIN), Set.of(), null));
    }

    @CommandHandler
    void handle(ChangeStaffMember command, StaffDirectory directory, PersonalDataVault vault) {
        Performers.withAnyRole(directory, command.performedBy(), Role.ADMIN);
        checkLiaison(command.roles(), command.liaisonUnits());
        if (command.displayName() != null) {
            vault.storeDisplayName(staffId, command.displayName());
        }
        apply(new StaffMemberChanged(staffId, command.unit(), Set.copyOf(command.roles()),
                Set.copyOf(command.liaisonUnits()), command.performedBy()));
    }

    private static void checkLiaison(Set<Role> roles, Set<String> liaisonUnits) {
        if (!liaisonUnits.isEmpty() && !roles.contains(Role.LIAISON)) {
            throw Rejection.INVALID_DEFINITION.because("Only a person with role LIAISON has liaison units");
        }
    }

    @EventSourcingHandler
    void on(StaffMemberRegistered event) {
        staffId = event.staffId();
    }
}

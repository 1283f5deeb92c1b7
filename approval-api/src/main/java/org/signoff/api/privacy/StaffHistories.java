package org.signoff.api.privacy;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

import org.signoff.staff.api.EnrolFirstAdministrator;
import org.signoff.staff.api.StaffId;
import org.signoff.staff.api.ToStaffMember;

/**
 * Which history a command to a person goes to: the one keyed by their pseudonym (or, for a person registered before
 * pseudonyms, by their staff id). The commands name the person by staff id, as callers know them.
 */
public final class StaffHistories implements CommandTargetResolver {

    private final Pseudonyms pseudonyms;
    private final CommandTargetResolver annotated =
            AnnotationCommandTargetResolver.builder().build();

    public StaffHistories(Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Object payload = command.getPayload();
        if (payload instanceof EnrolFirstAdministrator enrol) {
            pseudonyms.of(enrol.staffId()); // it may create the person: made here, in the command's transaction
            return new VersionedAggregateIdentifier(pseudonyms.historyKeyOf(enrol.staffId()), null);
        }
        StaffId staffId = staffIdOf(payload);
        return staffId == null
                ? annotated.resolveTarget(command)
                : new VersionedAggregateIdentifier(pseudonyms.historyKeyOf(staffId), null);
    }

    private static StaffId staffIdOf(Object payload) {
        return payload instanceof ToStaffMember toPerson ? toPerson.staffId() : null;
    }
}

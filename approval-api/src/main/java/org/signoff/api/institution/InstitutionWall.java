package org.signoff.api.institution;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import org.signoff.catalog.api.JobId;
import org.signoff.catalog.api.TrainingClassId;
import org.signoff.client.api.ClientId;
import org.signoff.common.InstitutionCode;
import org.signoff.common.InstitutionScope;
import org.signoff.common.MessageMetaData;
import org.signoff.common.Rejection;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.TicketId;

/**
 * The last of the walls between institutions, on the command bus: a command may name only keys of the institution it
 * is sent within (its metadata's). The edge keys every id a caller names in the caller's institution, so this never
 * refuses a caller's command; it refuses the one an edge would forget to key, before it reaches an aggregate.
 */
public final class InstitutionWall implements MessageDispatchInterceptor<CommandMessage<?>> {

    private static final Set<Class<?>> IDS =
            Set.of(JobId.class, StaffId.class, TicketId.class, ClientId.class, TrainingClassId.class);

    private final Institutions institutions;
    private final Map<Class<?>, List<RecordComponent>> idsOf = new ConcurrentHashMap<>();

    public InstitutionWall(Institutions institutions) {
        this.institutions = institutions;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Object named = command.getMetaData().get(MessageMetaData.INSTITUTION);
            InstitutionScope scope = named == null
                    ? institutions.defaultScope()
                    : institutions.scopeOf(InstitutionCode.of(named.toString()));
            check(command.getPayload(), scope);
            return command;
        };
    }

    private void check(Object payload, InstitutionScope scope) {
        Class<?> type = payload.getClass();
        if (!type.isRecord()) {
            return;
        }
        for (RecordComponent component : idsOf.computeIfAbsent(type, InstitutionWall::idComponents)) {
            Object value;
            try {
                value = component.getAccessor().invoke(payload);
            } catch (ReflectiveOperationException unreadable) {
                throw new IllegalStateException(unreadable);
            }
            if (value instanceof Collection<?> values) {
                values.forEach(each -> checkId(each, scope));
            } else {
                checkId(value, scope);
            }
        }
    }

    private static void checkId(Object id, InstitutionScope scope) {
        if (id != null && IDS.contains(id.getClass()) && !scope.owns(id.toString())) {
            throw Rejection.UNKNOWN_INSTITUTION.because("'" + id + "' is not an id of institution " + scope.code());
        }
    }

    /** The components that are ids, or collections (of ids, by their use). */
    private static List<RecordComponent> idComponents(Class<?> type) {
        return java.util.Arrays.stream(type.getRecordComponents())
                .filter(component ->
                        IDS.contains(component.getType()) || Collection.class.isAssignableFrom(component.getType()))
                .toList();
    }
}

package org.signoff.api.lookup;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.signoff.common.InstitutionScope;
import org.signoff.lookup.StaffDirectory;
import org.signoff.lookup.StaffMembership;
import org.signoff.staff.api.Role;
import org.signoff.staff.api.StaffId;
import org.signoff.staff.api.StaffMemberChanged;
import org.signoff.staff.api.StaffMemberLeft;
import org.signoff.staff.api.StaffMemberRegistered;
import org.signoff.storage.Columns;

/** Table {@code lookup_staff}: each person's unit, roles and liaison units (JSON arrays). No personal data. */
@Component
@ProcessingGroup(LookupConfiguration.PROCESSING_GROUP)
class StaffLookup implements StaffDirectory {

    private final JdbcClient jdbc;

    StaffLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StaffMembership> find(StaffId staffId) {
        return jdbc.sql("SELECT unit, roles, liaison_units, left_at FROM lookup_staff WHERE staff_id = ?")
                .param(staffId.value())
                .query((rs, n) -> new StaffMembership(
                        staffId,
                        rs.getString(1),
                        Columns.names(rs.getString(2)).stream()
                                .map(Role::valueOf)
                                .collect(Collectors.toSet()),
                        Set.copyOf(Columns.names(rs.getString(3))),
                        rs.getObject(4) != null))
                .optional();
    }

    /** Counted by reading the role sets: a directory is hundreds of people, and this is asked rarely. */
    @Override
    public long administratorsAlongside(StaffId colleague) {
        String within = InstitutionScope.prefixOf(colleague.value());
        return jdbc
                .sql("SELECT roles FROM lookup_staff WHERE left_at IS NULL AND " + InstitutionScope.keysOf("staff_id"))
                .params(InstitutionScope.keysLike(within), InstitutionScope.keysNotLike(within))
                .query(String.class)
                .stream()
                .filter(roles -> Columns.names(roles).contains(Role.ADMIN.name()))
                .count();
    }

    @EventHandler
    void on(StaffMemberRegistered event) {
        jdbc.sql("INSERT INTO lookup_staff (staff_id, unit, roles, liaison_units) VALUES (?, ?, ?, ?)")
                .params(
                        event.staffId().value(),
                        event.unit(),
                        Columns.names(event.roles()),
                        Columns.names(event.liaisonUnits()))
                .update();
    }

    @EventHandler
    void on(StaffMemberLeft event, @Timestamp Instant at) {
        jdbc.sql("UPDATE lookup_staff SET left_at = ? WHERE staff_id = ?")
                .params(Columns.utc(at), event.staffId().value())
                .update();
    }

    @EventHandler
    void on(StaffMemberChanged event) {
        jdbc.sql("UPDATE lookup_staff SET unit = ?, roles = ?, liaison_units = ? WHERE staff_id = ?")
                .params(
                        event.unit(),
                        Columns.names(event.roles()),
                        Columns.names(event.liaisonUnits()),
                        event.staffId().value())
                .update();
    }
}

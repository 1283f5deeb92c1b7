package org.signoff.api.lookup;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.signoff.catalog.api.JobDefinition;
import org.signoff.catalog.api.JobId;
import org.signoff.lookup.CatalogEntry;
import org.signoff.lookup.JobCatalog;
import org.signoff.lookup.PersonalDataVault;
import org.signoff.lookup.StaffDirectory;
import org.signoff.lookup.StaffMembership;
import org.signoff.lookup.TicketSlots;
import org.signoff.staff.api.Role;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.TicketId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The command side's lookups, read from its own tables in the command's transaction. {@link LookupMaintainer}
 * writes them.
 */
@Component
class JdbcLookups implements JobCatalog, StaffDirectory, TicketSlots, PersonalDataVault {

    static final String NO_VARIANT = "";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    JdbcLookups(JdbcClient jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.json = objectMapper;
    }

    @Override
    public Optional<CatalogEntry> find(JobId jobId) {
        return jdbc.sql("SELECT definition, retired FROM lookup_job WHERE job_id = ?")
                .param(jobId.value())
                .query((rs, n) -> new CatalogEntry(jobId, readDefinition(rs.getString(1)), rs.getBoolean(2)))
                .optional();
    }

    @Override
    public Optional<StaffMembership> find(StaffId staffId) {
        return jdbc.sql("SELECT unit, roles, liaison_units FROM lookup_staff WHERE staff_id = ?")
                .param(staffId.value())
                .query((rs, n) -> new StaffMembership(staffId, rs.getString(1), roles(rs.getString(2)),
                        units(rs.getString(3))))
                .optional();
    }

    @Override
    public boolean hasAdministrator() {
        return jdbc.sql("SELECT roles FROM lookup_staff").query(String.class).stream()
                .anyMatch(roles -> roles(roles).contains(Role.ADMIN));
    }

    @Override
    public Optional<TicketId> holder(StaffId staffId, JobId jobId, String variant) {
        return jdbc.sql("SELECT ticket_id FROM lookup_ticket_slot WHERE staff_id = ? AND job_id = ? AND variant = ?")
                .params(staffId.value(), jobId.value(), variant == null ? NO_VARIANT : variant)
                .query(String.class)
                .optional()
                .map(TicketId::of);
    }

    @Override
    public void storeDisplayName(StaffId staffId, String displayName) {
        int updated = jdbc.sql("UPDATE personal_data SET display_name = ? WHERE staff_id = ?")
                .params(displayName, staffId.value()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO personal_data (staff_id, display_name) VALUES (?, ?)")
                    .params(staffId.value(), displayName).update();
        }
    }

    String writeDefinition(JobDefinition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write job definition", e);
        }
    }

    private JobDefinition readDefinition(String text) {
        try {
            return json.readValue(text, JobDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read job definition " + text, e);
        }
    }

    static String rolesColumn(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static String unitsColumn(Set<String> units) {
        return units.stream().sorted().collect(Collectors.joining("\n"));
    }

    private static Set<Role> roles(String column) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(column.split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }

    private static Set<String> units(String column) {
        return Arrays.stream(column.split("\n")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
    }
}

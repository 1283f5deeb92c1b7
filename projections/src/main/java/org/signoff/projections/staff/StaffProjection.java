package org.signoff.projections.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.catalog.api.TrainingClassRegistered;
import org.signoff.common.InstitutionScope;
import org.signoff.projections.staff.api.AttendanceView;
import org.signoff.projections.staff.api.FindStaffQuery;
import org.signoff.projections.staff.api.ListAttendanceQuery;
import org.signoff.projections.staff.api.ListStaffQuery;
import org.signoff.projections.staff.api.StaffView;
import org.signoff.staff.api.ClassAttended;
import org.signoff.staff.api.Role;
import org.signoff.staff.api.StaffMemberChanged;
import org.signoff.staff.api.StaffMemberErased;
import org.signoff.staff.api.StaffMemberLeft;
import org.signoff.staff.api.StaffMemberRegistered;
import org.signoff.storage.Columns;
import org.signoff.storage.PersonalData;

/**
 * The staff directory as dashboards read it. Names and Alma primary ids come from the personal-data store at read
 * time, so erasing a person's data takes effect everywhere at once.
 */
@ProcessingGroup(StaffProjection.PROCESSING_GROUP)
public class StaffProjection {

    public static final String PROCESSING_GROUP = "staff";

    /**
     * The shape of its tables' rows: raised with a migration after which rows written before it need the events
     * replayed (a column filled from them, say); a node that finds an older shape recorded rebuilds the read model.
     */
    public static final int SHAPE = 2; // 2: the training record

    /** Its tables: nobody else reads or writes them. */
    public static final List<String> TABLES =
            List.of("projection_staff", "projection_staff_class", "projection_staff_attendance");

    private static final String SELECT =
            "SELECT s.*, p.display_name, p.alma_primary_id, sp.pseudonym FROM projection_staff s "
                    + PersonalData.JOIN_ON + "s.staff_id " + PersonalData.PSEUDONYM_JOIN_ON + "s.staff_id ";

    private final JdbcClient jdbc;

    public StaffProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(StaffMemberRegistered event) {
        jdbc.sql("INSERT INTO projection_staff (staff_id, unit, roles, liaison_units) VALUES (?, ?, ?, ?)")
                .params(
                        event.staffId().value(),
                        event.unit(),
                        Columns.names(event.roles()),
                        Columns.names(event.liaisonUnits()))
                .update();
    }

    @EventHandler
    void on(StaffMemberChanged event) {
        jdbc.sql("UPDATE projection_staff SET unit = ?, roles = ?, liaison_units = ? WHERE staff_id = ?")
                .params(
                        event.unit(),
                        Columns.names(event.roles()),
                        Columns.names(event.liaisonUnits()),
                        event.staffId().value())
                .update();
    }

    @EventHandler
    void on(StaffMemberLeft event, @Timestamp Instant at) {
        jdbc.sql("UPDATE projection_staff SET left_at = ? WHERE staff_id = ?")
                .params(Columns.utc(at), event.staffId().value())
                .update();
    }

    // --- the training record: the classes' titles, and who attended which on which day

    @EventHandler
    void on(TrainingClassRegistered event) {
        jdbc.sql("INSERT INTO projection_staff_class (class_id, title) VALUES (?, ?)")
                .params(event.classId().value(), event.title())
                .update();
    }

    @EventHandler
    void on(ClassAttended event, @Timestamp Instant at) {
        jdbc.sql("INSERT INTO projection_staff_attendance (staff_id, class_id, attended_on, recorded_by, recorded_at) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(
                        event.staffId().value(),
                        event.classId().value(),
                        event.attendedOn(),
                        event.performedBy() == null ? null : event.performedBy().value(),
                        Columns.utc(at))
                .update();
    }

    /**
     * An erased person stays in the directory under the name they show as from now on; so does their training record,
     * and the attendance they recorded for others.
     */
    @EventHandler
    void on(StaffMemberErased event) {
        PersonalData.erasedStaffId(jdbc, event).ifPresent(staffId -> {
            PersonalData.replace(jdbc, staffId, event.erasedAs(), "projection_staff", List.of("staff_id"), List.of());
            PersonalData.replace(
                    jdbc,
                    staffId,
                    event.erasedAs(),
                    "projection_staff_attendance",
                    List.of("staff_id", "recorded_by"),
                    List.of());
        });
    }

    @ResetHandler
    void reset() {
        TABLES.forEach(table -> jdbc.sql("DELETE FROM " + table).update());
    }

    @QueryHandler
    public List<StaffView> handle(ListStaffQuery query) {
        return jdbc.sql(SELECT + "WHERE " + InstitutionScope.keysOf("s.staff_id")
                        + " AND (CAST(? AS VARCHAR(200)) IS NULL OR s.staff_id > ?) ORDER BY s.staff_id "
                        + "FETCH FIRST ? ROWS ONLY")
                .params(
                        query.within().keysLike(),
                        query.within().keysNotLike(),
                        query.afterStaffId(),
                        query.afterStaffId(),
                        query.limit())
                .query(StaffProjection::view)
                .list();
    }

    @QueryHandler
    public Optional<StaffView> handle(FindStaffQuery query) {
        return jdbc.sql(SELECT + "WHERE s.staff_id = ?")
                .param(query.staffId())
                .query(StaffProjection::view)
                .optional();
    }

    /** See {@link ListAttendanceQuery}; a class the read model does not know shows its id as title. */
    @QueryHandler
    public List<AttendanceView> handle(ListAttendanceQuery query) {
        return jdbc.sql("SELECT a.*, c.title FROM projection_staff_attendance a "
                        + "LEFT JOIN projection_staff_class c ON c.class_id = a.class_id "
                        + "WHERE a.staff_id = ? ORDER BY a.attended_on, a.recorded_at, a.class_id")
                .param(query.staffId())
                .query((rs, n) -> new AttendanceView(
                        rs.getString("class_id"),
                        rs.getString("title") == null ? rs.getString("class_id") : rs.getString("title"),
                        rs.getObject("attended_on", LocalDate.class),
                        rs.getString("recorded_by"),
                        Columns.instant(rs, "recorded_at")))
                .list();
    }

    private static StaffView view(ResultSet rs, int row) throws SQLException {
        return new StaffView(
                rs.getString("staff_id"),
                rs.getString("display_name"),
                rs.getString("alma_primary_id"),
                rs.getString("unit"),
                Columns.names(rs.getString("roles")).stream().map(Role::valueOf).toList(),
                Columns.names(rs.getString("liaison_units")),
                Columns.instant(rs, "left_at"),
                rs.getString("pseudonym"));
    }
}

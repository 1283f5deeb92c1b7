package org.signoff.projections.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.catalog.api.TrainingClassId;
import org.signoff.catalog.api.TrainingClassRegistered;
import org.signoff.projections.ReadModelDatabase;
import org.signoff.projections.staff.api.AttendanceView;
import org.signoff.projections.staff.api.FindStaffQuery;
import org.signoff.projections.staff.api.ListAttendanceQuery;
import org.signoff.projections.staff.api.StaffView;
import org.signoff.staff.api.ClassAttended;
import org.signoff.staff.api.Role;
import org.signoff.staff.api.StaffId;
import org.signoff.staff.api.StaffMemberChanged;
import org.signoff.staff.api.StaffMemberRegistered;

/** The staff directory read model, fed events by hand, over a real database. */
class StaffProjectionTest {

    private static final StaffId LEE = StaffId.of("lee");
    private static final StaffId ADMIN = StaffId.of("admin");

    private JdbcClient jdbc;
    private StaffProjection staff;

    @BeforeEach
    void setUp() {
        jdbc = ReadModelDatabase.create();
        staff = new StaffProjection(jdbc);
    }

    @Test
    void aPersonReadsBackWithTheirRolesAndLiaisonUnitsNameAndAlmaPrimaryId() {
        staff.on(new StaffMemberRegistered(LEE, "ITS", Set.of(Role.STAFF, Role.LIAISON), Set.of("ITS", "LAW"), ADMIN));
        jdbc.sql("INSERT INTO personal_data (staff_id, display_name, alma_primary_id) "
                        + "VALUES ('lee', 'Lee Liaison', 'lee.liaison@example.edu')")
                .update();

        StaffView view = staff.handle(new FindStaffQuery("lee")).orElseThrow();
        assertThat(view.displayName()).isEqualTo("Lee Liaison");
        assertThat(view.almaPrimaryId()).isEqualTo("lee.liaison@example.edu");
        assertThat(view.roles()).containsExactly(Role.LIAISON, Role.STAFF);
        assertThat(view.liaisonUnits()).containsExactly("ITS", "LAW");
    }

    @Test
    void aTrainingRecordListsEachClassByTitleOldestDayFirstWithWhoRecordedIt() {
        TrainingClassId holdings = TrainingClassId.of("holdings-and-items");
        TrainingClassId introduction = TrainingClassId.of("introduction-to-alma");
        staff.on(new TrainingClassRegistered(introduction, "Introduction to Alma", "Overviews", true, ADMIN));
        staff.on(new TrainingClassRegistered(holdings, "Holdings & Items", "Cross-Functional", false, ADMIN));
        Instant recorded = Instant.parse("2026-04-09T10:00:00Z");
        staff.on(new ClassAttended(LEE, holdings, LocalDate.of(2026, 4, 8), ADMIN), recorded);
        staff.on(new ClassAttended(LEE, introduction, LocalDate.of(2026, 3, 4), ADMIN), recorded.plusSeconds(1));

        assertThat(staff.handle(new ListAttendanceQuery("lee")))
                .containsExactly(
                        new AttendanceView(
                                "introduction-to-alma",
                                "Introduction to Alma",
                                LocalDate.of(2026, 3, 4),
                                "admin",
                                recorded.plusSeconds(1)),
                        new AttendanceView(
                                "holdings-and-items", "Holdings & Items", LocalDate.of(2026, 4, 8), "admin", recorded));
        assertThat(staff.handle(new ListAttendanceQuery("someone-else"))).isEmpty();
    }

    @Test
    void aUnitNameHoldingASeparatorStaysOneUnit() {
        staff.on(new StaffMemberRegistered(LEE, "ITS", Set.of(Role.LIAISON), Set.of("XYZ\nHUA", "A,B"), ADMIN));
        staff.on(new StaffMemberChanged(LEE, "ITS", Set.of(Role.LIAISON), Set.of("XYZ\nHUA", "A,B", "C\"D"), ADMIN));

        assertThat(staff.handle(new FindStaffQuery("lee")).orElseThrow().liaisonUnits())
                .isEqualTo(List.of("A,B", "C\"D", "XYZ\nHUA"));
    }
}

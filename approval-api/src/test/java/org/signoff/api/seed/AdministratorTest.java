package org.signoff.api.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.RunningService;
import org.signoff.staff.api.Role;
import org.signoff.staff.api.StaffId;
import org.signoff.staff.api.StaffMemberChanged;

/** The directory always has an administrator, and a service always starts on the directory it has. */
@ExtendWith(OutputCaptureExtension.class)
class AdministratorTest {

    private static final String DROP_ADMIN = """
            {"unit": "LTS", "roles": ["STAFF"], "performedBy": "admin"}""";

    @TempDir
    Path dataDir;

    @Test
    void theOnlyAdministratorMayNotDropTheRoleAndTheServiceStartsAgain(CapturedOutput output) {
        try (RunningService service = RunningService.start(dataDir)) {
            assertThat(output.getAll())
                    .as("no secret in the log")
                    .doesNotContain(RunningService.ADMIN_SECRET)
                    .doesNotContain("generated security password");
            Response refused = service.api().put("/staff/admin", DROP_ADMIN);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.code()).isEqualTo("LAST_ADMINISTRATOR");

            registerAdministrator(service.api(), "ops");
            assertThat(service.api().put("/staff/admin", DROP_ADMIN).status()).isEqualTo(204);
            service.api().await("/staff/admin", body -> !roles(body).contains("ADMIN"));
        }
        try (RunningService again = RunningService.start(dataDir)) {
            assertThat(roles(again.api().get("/staff/ops").body())).contains("ADMIN");
            assertThat(roles(again.api().get("/staff/admin").body())).doesNotContain("ADMIN");
        }
    }

    @Test
    void aDirectoryLeftWithoutAdministratorsGetsTheConfiguredOneBackAtStartUp() {
        try (RunningService service = RunningService.start(dataDir)) {
            // a directory written before the last-administrator rule: the only administrator dropped the role
            StaffMemberChanged dropped = new StaffMemberChanged(
                    StaffId.of("admin"), "LTS", Set.of(Role.STAFF), Set.of(), StaffId.of("admin"));
            String history = service.api() // the administrator's own history is keyed by their pseudonym
                    .await("/staff/admin", body -> body.hasNonNull("pseudonym"))
                    .get("pseudonym")
                    .asText();
            service.bean(TransactionManager.class)
                    .executeInTransaction(() -> service.bean(EventStore.class)
                            .publish(new GenericDomainEventMessage<>("StaffMember", history, 1, dropped)));
            service.api().await("/staff/admin", body -> !roles(body).contains("ADMIN"));
        }
        try (RunningService again = RunningService.start(dataDir)) {
            JsonNode admin =
                    again.api().await("/staff/admin", body -> roles(body).contains("ADMIN"));
            assertThat(roles(admin)).contains("STAFF");
            registerAdministrator(again.api(), "ops");
        }
    }

    private static void registerAdministrator(Api api, String staffId) {
        Response registered = api.post("/staff", """
                {"staffId": "%s", "displayName": "Ops", "unit": "LTS", "roles": ["ADMIN"],
                 "performedBy": "admin"}""".formatted(staffId));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        api.await("/staff/" + staffId, body -> true);
    }

    private static String roles(JsonNode staff) {
        return staff.path("roles").toString();
    }
}

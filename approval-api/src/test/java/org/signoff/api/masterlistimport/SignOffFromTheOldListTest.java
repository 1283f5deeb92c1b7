package org.signoff.api.masterlistimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.CHANGE_ITEMS;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;
import org.signoff.catalog.api.JobId;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.MigrationSource;
import org.signoff.ticket.api.RecordMigratedSignOff;
import org.signoff.ticket.api.TicketId;

/**
 * A sign-off brought in from the old master list (the command imports send for each line) is on the master list
 * from its day, marked with where it came from and with no test behind it, holds the person's place, and is in the
 * ticket's history like any step.
 */
class SignOffFromTheOldListTest {

    private Scenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new Scenario(RunningService.shared().api());
    }

    @Test
    void aMigratedSignOffIsListedFromItsDayAndSaysWhereItCameFrom() {
        Instant day = Instant.parse("2024-05-02T00:00:00Z");
        String ticket = "migrated-" + scenario.requester;
        RunningService.shared()
                .bean(CommandGateway.class)
                .sendAndWait(new RecordMigratedSignOff(
                        TicketId.of(ticket),
                        StaffId.of(scenario.requester),
                        JobId.of(CHANGE_ITEMS),
                        null,
                        day,
                        null,
                        new MigrationSource("batch-1", "master-list.csv", 7),
                        StaffId.of("admin")));

        JsonNode entry = scenario.awaitOnMasterList("Items", CHANGE_ITEMS, scenario.requester, 1);
        assertThat(entry.get("migratedFrom").asText()).isEqualTo("batch-1 master-list.csv:7");
        assertThat(entry.get("evidence").isNull())
                .as("no Sandbox test on record")
                .isTrue();
        assertThat(entry.get("approvedBy").isNull()).isTrue();
        assertThat(Scenario.entries(
                        scenario.admin
                                .get("/master-list?at=2024-05-01T23:59:59Z")
                                .body(),
                        "Items",
                        CHANGE_ITEMS,
                        scenario.requester))
                .as("not before its day")
                .isEmpty();
        assertThat(Scenario.entries(
                        scenario.admin
                                .get("/master-list?at=2024-05-02T00:00:00Z")
                                .body(),
                        "Items",
                        CHANGE_ITEMS,
                        scenario.requester))
                .hasSize(1);

        JsonNode history = scenario.awaitTicket(ticket, "COMPLETED").get("history");
        assertThat(history.get(0).get("event").asText()).isEqualTo("SignOffMigrated");
        assertThat(history.get(0).at("/details/source/line").asLong()).isEqualTo(7);
        assertThat(scenario.api
                        .post("/tickets", """
                        {"jobId": "%s", "performedBy": "%s"}""".formatted(CHANGE_ITEMS, scenario.requester))
                        .code())
                .as("the person's place is taken: they are signed off")
                .isEqualTo("TICKET_ALREADY_OPEN");
    }
}

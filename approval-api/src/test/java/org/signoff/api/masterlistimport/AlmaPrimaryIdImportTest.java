package org.signoff.api.masterlistimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.RunningService;

/**
 * The import takes an optional {@code alma_primary_id} column: a person gets the login of their first line, a dry
 * run says so and writes nothing, a login another person holds is not given (a warning says why), and a file
 * imported again with a corrected login sets it on a person already listed.
 */
class AlmaPrimaryIdImportTest {

    private final Api admin = RunningService.shared().api();
    private final String suffix = String.valueOf(ProcessHandle.current().pid());

    @Test
    void theImportGivesEachPersonTheAlmaPrimaryIdOfTheirFirstLine() {
        String nora = "nalma" + suffix;
        String olaf = "oother" + suffix;
        String file = """
                scope,job,person,unit,staff_id,alma_primary_id
                Items,Change physical items,Nora Alma,ITS,%1$s,nora.alma%3$s@example.edu
                Items,Batch item withdrawals,Nora Alma,ITS,%1$s,someone.else%3$s@example.edu
                Items,Change physical items,Olaf Other,ITS,%2$s,NORA.ALMA%3$s@example.edu
                """.formatted(nora, olaf, suffix);

        JsonNode dry = imported(file, "?dryRun=true");
        assertThat(line(dry, 2).get("outcome").asText()).isEqualTo("IMPORTED");
        assertThat(line(dry, 2).get("notes").toString()).contains("Alma primary id set to 'nora.alma");
        assertThat(line(dry, 3).get("outcome").asText()).isEqualTo("IMPORTED_WITH_WARNING");
        assertThat(line(dry, 3).get("notes").toString()).contains("an earlier line gives them");
        assertThat(line(dry, 4).get("outcome").asText()).isEqualTo("IMPORTED_WITH_WARNING");
        assertThat(line(dry, 4).get("notes").toString()).contains("it is another person's");
        assertThat(admin.get("/staff/" + nora).status())
                .as("a dry run writes nothing")
                .isEqualTo(404);

        JsonNode real = imported(file, "");
        assertThat(real.get("counts")).isEqualTo(dry.get("counts"));
        assertThat(admin.get("/staff/" + nora).body().get("almaPrimaryId").asText())
                .isEqualTo("nora.alma" + suffix + "@example.edu");
        assertThat(admin.get("/staff/" + olaf).body().get("almaPrimaryId").isNull())
                .isTrue();

        JsonNode corrected = imported("""
                scope,job,person,unit,staff_id,alma_primary_id
                Items,Change physical items,Nora Alma,ITS,%s,nalma%s
                """.formatted(nora, suffix), "");
        assertThat(line(corrected, 2).get("outcome").asText()).isEqualTo("ALREADY_LISTED");
        assertThat(line(corrected, 2).get("notes").toString()).contains("Alma primary id set to");
        assertThat(admin.get("/staff/" + nora).body().get("almaPrimaryId").asText())
                .isEqualTo("nalma" + suffix);
    }

    private JsonNode imported(String csv, String query) {
        Response answer = admin.send("POST", "/master-list/imports" + query, "text/csv", csv);
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        return answer.body();
    }

    private static JsonNode line(JsonNode report, long number) {
        for (JsonNode line : report.get("report")) {
            if (line.get("line").asLong() == number) {
                return line;
            }
        }
        throw new AssertionError("no line " + number + " in " + report);
    }
}

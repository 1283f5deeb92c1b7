package org.signoff.api.alma;

import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.accepted;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With {@code approval.alma.production.take-back=automatic}, a revoked sign-off gives back the production roles the
 * engine added at once, with nobody's request: the history shows the engine did it.
 */
class AlmaAutomaticTakeBackTest {

    private static FakeAlmaService almas;

    @BeforeAll
    static void start() {
        almas = FakeAlmaService.start("--approval.alma.production.take-back=automatic");
    }

    @AfterAll
    static void stop() {
        almas.close();
    }

    @Test
    void aRevokedSignOffGivesBackTheRolesTheEngineAddedWithNobodysRequest() {
        AlmaRequester amy = almas.requester();
        String ticket = amy.signedOffThroughAlma();

        accepted(amy.scenario.revoke(ticket, amy.scenario.librarian));

        JsonNode history = amy.scenario.api.await(
                "/tickets/" + ticket, view -> view.get("history").toString().contains("ProductionRolesTakenBack"));
        JsonNode takenBack = AlmaRoleStepsTest.step(history, "ProductionRolesTakenBack");
        assertThat(takenBack.at("/details/rolesRemoved/0/roleType").asText()).isEqualTo("51");
        assertThat(takenBack.get("performedBy").isNull())
                .as("the engine, not a person")
                .isTrue();
        almas.production.verify(2, putRequestedFor(urlPathEqualTo(amy.userPath())));
    }
}

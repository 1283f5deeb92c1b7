package org.signoff.api.alma;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Roles written to a user in a fake Alma that answers as Alma does: the user read, its {@code user_role} changed and
 * the whole record put back (Alma replaces the user with what it is sent), a dry run that writes nothing, roles
 * added or taken only once, and Alma's validation error.
 */
class AlmaUserRolesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "/almaws/v1/users/jdoe";

    /** The Sandbox role a job needs, as the catalog will name it: a Catalog Manager in the institution. */
    private static final AlmaUser.Role CATALOG_MANAGER = new AlmaUser.Role("204", "01UNI_INST", "ACTIVE", List.of());

    private static final AlmaUser.Role CIRCULATION_DESK = new AlmaUser.Role(
            "214", "01UNI_INST", "ACTIVE", List.of(new AlmaUser.Parameter("ServiceUnit", "01UNI_INST", "MAIN_CIRC")));

    private WireMockServer alma;

    @BeforeEach
    void startAlma() {
        alma = new WireMockServer(wireMockConfig().dynamicPort());
        alma.start();
        alma.stubFor(get(urlPathEqualTo(USER)).willReturn(okJson(AlmaAnswers.FULL_USER)));
        // Alma answers a write with the user as it now holds it: here, as it was sent
        alma.stubFor(put(urlPathEqualTo(USER))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{{{request.body}}}")
                        .withTransformers("response-template")));
    }

    @AfterEach
    void stopAlma() {
        alma.stop();
    }

    @Test
    void anAddedRoleIsPutBackWithEveryOtherFieldOfTheUserAsAlmaSentIt() throws Exception {
        AlmaRoleChange change = sandbox().addRoles("jdoe", List.of(CATALOG_MANAGER), false);

        assertThat(change.written()).isTrue();
        assertThat(change.added()).containsExactly(CATALOG_MANAGER);
        assertThat(change.removed()).isEmpty();
        assertThat(change.after()).hasSize(3).contains(CATALOG_MANAGER);
        ObjectNode sent = written();
        ObjectNode read = (ObjectNode) JSON.readTree(AlmaAnswers.FULL_USER);
        JsonNode sentBesideRoles = sent.deepCopy().remove(List.of("user_role"));
        JsonNode readBesideRoles = read.deepCopy().remove(List.of("user_role"));
        assertThat(sentBesideRoles).isEqualTo(readBesideRoles);
        assertThat(sent.get("user_role").get(0)).isEqualTo(read.get("user_role").get(0));
        assertThat(sent.get("user_role").get(1)).isEqualTo(read.get("user_role").get(1));
        assertThat(sent.get("user_role").get(2)).isEqualTo(JSON.readTree("""
                {"status": {"value": "ACTIVE"}, "scope": {"value": "01UNI_INST"}, "role_type": {"value": "204"},
                 "parameter": []}"""));
        alma.verify(putRequestedFor(urlPathEqualTo(USER))
                .withQueryParam("user_id_type", equalTo("all_unique"))
                .withQueryParam("recalculate_roles", equalTo("false"))
                .withQueryParam("send_pin_number_letter", equalTo("false"))
                .withHeader("Authorization", equalTo("apikey " + AlmaConnectionTest.KEY))
                .withHeader("Content-Type", equalTo("application/json")));
    }

    @Test
    void aDryRunShowsTheRolesBeforeAndAfterAndWritesNothing() {
        AlmaRoleChange change = sandbox().addRoles("jdoe", List.of(CATALOG_MANAGER), true);

        assertThat(change.written()).isFalse();
        assertThat(change.before()).hasSize(2).doesNotContain(CATALOG_MANAGER);
        assertThat(change.after()).hasSize(3).contains(CATALOG_MANAGER);
        assertThat(change.added()).containsExactly(CATALOG_MANAGER);
        alma.verify(0, putRequestedFor(urlPathEqualTo(USER)));
    }

    @Test
    void aRoleTheUserHoldsAddsNothingAndNothingIsWritten() {
        AlmaRoleChange change = sandbox().addRoles("jdoe", List.of(CIRCULATION_DESK), false);

        assertThat(change.changed()).isFalse();
        assertThat(change.written()).isFalse();
        assertThat(change.after()).isEqualTo(change.before());
        alma.verify(0, putRequestedFor(urlPathEqualTo(USER)));
    }

    @Test
    void anInactiveRoleIsMadeActiveRatherThanAddedTwice() throws Exception {
        AlmaUser.Role repositoryManager = new AlmaUser.Role("51", "01UNI_INST", "ACTIVE", List.of());

        AlmaRoleChange change = sandbox().addRoles("jdoe", List.of(repositoryManager), false);

        assertThat(change.after()).hasSize(2).contains(repositoryManager);
        assertThat(change.added()).containsExactly(repositoryManager);
        assertThat(written().get("user_role").get(1).at("/status/value").asText())
                .isEqualTo("ACTIVE");
    }

    @Test
    void aRemovedRoleIsTakenWhateverItsStatusAndOneNotHeldRemovesNothing() throws Exception {
        AlmaUser.Role repositoryManagerAsAsked = new AlmaUser.Role("51", "01UNI_INST", "ACTIVE", List.of());

        AlmaRoleChange change =
                sandbox().removeRoles("jdoe", List.of(repositoryManagerAsAsked, CATALOG_MANAGER), false);

        assertThat(change.removed()).extracting(AlmaUser.Role::roleType).containsExactly("51");
        assertThat(change.after()).containsExactly(CIRCULATION_DESK);
        ObjectNode sent = written();
        assertThat(sent.get("user_role")).hasSize(1);
        assertThat(sent.get("user_note"))
                .isEqualTo(JSON.readTree(AlmaAnswers.FULL_USER).get("user_note"));

        alma.resetRequests();
        AlmaRoleChange nothing = sandbox().removeRoles("jdoe", List.of(CATALOG_MANAGER), false);

        assertThat(nothing.changed()).isFalse();
        alma.verify(0, putRequestedFor(urlPathEqualTo(USER)));
    }

    @Test
    void almasValidationErrorOnTheWriteIsAlmasRefusalWithItsCode() {
        alma.stubFor(put(urlPathEqualTo(USER))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(AlmaAnswers.error(
                                "401664", "Mandatory field is missing: role_type/scope combination is not valid"))));

        AlmaRefused refused = catchThrowableOfType(
                AlmaRefused.class, () -> sandbox().addRoles("jdoe", List.of(CATALOG_MANAGER), false));

        assertThat(refused.status().value()).isEqualTo(502);
        assertThat(refused.almaCode()).isEqualTo("401664");
        assertThat(refused.members()).containsEntry("almaCode", "401664").containsEntry("environment", "sandbox");
    }

    @Test
    void anUnknownUserIsRefusedBeforeAnythingIsWritten() {
        alma.stubFor(get(urlPathEqualTo("/almaws/v1/users/nobody"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(AlmaAnswers.error("401861", "User with identifier nobody was not found."))));

        AlmaRefused refused = catchThrowableOfType(
                AlmaRefused.class, () -> sandbox().addRoles("nobody", List.of(CATALOG_MANAGER), false));

        assertThat(refused.almaCode()).isEqualTo("401861");
        alma.verify(0, putRequestedFor(urlPathEqualTo("/almaws/v1/users/nobody")));
    }

    private ObjectNode written() throws Exception {
        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> puts =
                alma.findAll(putRequestedFor(urlPathEqualTo(USER)));
        assertThat(puts).hasSize(1);
        JsonNode sent = JSON.readTree(puts.get(0).getBodyAsString());
        return (ObjectNode) sent;
    }

    private AlmaConnection sandbox() {
        return AlmaConnectionTest.connection(URI.create(alma.baseUrl()), 3);
    }
}

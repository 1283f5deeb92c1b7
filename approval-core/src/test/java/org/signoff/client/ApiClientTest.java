package org.signoff.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.Lookups.ADMIN;
import static org.signoff.Lookups.AMY;
import static org.signoff.Lookups.LIBRARIAN;
import static org.signoff.RejectedAs.rejectedAs;

import java.time.Instant;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.signoff.Lookups;
import org.signoff.client.api.ApiClientRegistered;
import org.signoff.client.api.ApiClientRevoked;
import org.signoff.client.api.ApiClientSecretRotated;
import org.signoff.client.api.ClientId;
import org.signoff.client.api.Operation;
import org.signoff.client.api.RegisterApiClient;
import org.signoff.client.api.RotateApiClientSecret;
import org.signoff.common.Rejection;

class ApiClientTest {

    private static final ClientId JIRA = ClientId.of("lts-jira");
    private static final Set<Operation> STEPS = Set.of(Operation.TICKETS_WRITE, Operation.READINGS_WRITE);
    private static final ApiClientRegistered REGISTERED =
            new ApiClientRegistered(JIRA, "LTS Jira", null, STEPS, false, Set.of("ITS"), ADMIN);

    private FixtureConfiguration<ApiClient> fixture;
    private Lookups lookups;

    @BeforeEach
    void setUp() {
        lookups = new Lookups();
        fixture = new AggregateTestFixture<>(ApiClient.class);
        fixture.registerInjectableResource(lookups);
    }

    @Test
    void anAdministratorRegistersAnIntegrationAndItsSecretStaysOutOfTheEvent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterApiClient(JIRA, "LTS Jira", null, STEPS, false, Set.of("ITS"), "hash-1", ADMIN))
                .expectEvents(REGISTERED);
        assertThat(lookups.secretHashes).containsEntry(JIRA, "hash-1");
    }

    @Test
    void onlyAnAdministratorRegistersClients() {
        fixture.givenNoPriorActivity()
                .when(new RegisterApiClient(JIRA, "LTS Jira", null, STEPS, true, Set.of(), "hash-1", LIBRARIAN))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.ROLE_REQUIRED));
        assertThat(lookups.secretHashes).isEmpty();
    }

    @Test
    void aPersonsOwnKeyActsForNoOneElse() {
        fixture.givenNoPriorActivity()
                .when(new RegisterApiClient(ClientId.of("amy-key"), "Amy", AMY, STEPS, true, Set.of(), "hash-1", ADMIN))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.INVALID_DEFINITION));
    }

    @Test
    void anIntegrationCannotBeGivenTheManagementOfClients() {
        Set<Operation> manage = Set.of(Operation.TICKETS_WRITE, Operation.CLIENTS_WRITE);
        fixture.givenNoPriorActivity()
                .when(new RegisterApiClient(JIRA, "LTS Jira", null, manage, true, Set.of(), "hash-1", ADMIN))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.INVALID_DEFINITION));
        assertThat(lookups.secretHashes).isEmpty();
    }

    @Test
    void anAdministratorsOwnKeyMayManageClients() {
        Set<Operation> manage = Set.of(Operation.CLIENTS_WRITE);
        fixture.givenNoPriorActivity()
                .when(new RegisterApiClient(ClientId.of("ada-key"), "Ada", ADMIN, manage, false, Set.of(), "h", ADMIN))
                .expectEvents(
                        new ApiClientRegistered(ClientId.of("ada-key"), "Ada", ADMIN, manage, false, Set.of(), ADMIN));
    }

    @Test
    void aSecretIsRotatedWithAnOverlap() {
        Instant until = Instant.parse("2026-11-24T12:00:00Z");
        fixture.given(REGISTERED)
                .when(new RotateApiClientSecret(JIRA, "hash-2", until, ADMIN))
                .expectEvents(new ApiClientSecretRotated(JIRA, until, ADMIN));
        assertThat(lookups.secretHashes).containsEntry(JIRA, "hash-2");
    }

    @Test
    void aRevokedClientIsNeitherRevokedAgainNorRotated() {
        fixture.given(REGISTERED, new ApiClientRevoked(JIRA, "replaced", ADMIN))
                .when(new RotateApiClientSecret(JIRA, "hash-2", Instant.EPOCH, ADMIN))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.CLIENT_REVOKED));
    }
}

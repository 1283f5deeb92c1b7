package org.signoff.client;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import org.signoff.client.api.ApiClientRegistered;
import org.signoff.client.api.ApiClientRevoked;
import org.signoff.client.api.ApiClientSecretRotated;
import org.signoff.client.api.ClientId;
import org.signoff.client.api.Operation;
import org.signoff.client.api.RegisterApiClient;
import org.signoff.client.api.RevokeApiClient;
import org.signoff.client.api.RotateApiClientSecret;
import org.signoff.common.Rejection;
import org.signoff.lookup.CredentialVault;
import org.signoff.lookup.Performers;
import org.signoff.lookup.StaffDirectory;
import org.signoff.staff.api.Role;

/** A caller of the engine: registered, given new secrets, revoked, each by an administrator. */
public class ApiClient {

    @AggregateIdentifier
    private ClientId clientId;

    private boolean revoked;

    ApiClient() {
        // for Axon
    }

    @CommandHandler
    ApiClient(RegisterApiClient command, StaffDirectory directory, CredentialVault vault) {
        Performers.withAnyRole(directory, command.performedBy(), Role.ADMIN);
        if (command.staffId() != null) {
            directory
                    .find(command.staffId())
                    .orElseThrow(() -> Rejection.UNKNOWN_STAFF.because("No staff member '" + command.staffId() + "'"));
            if (command.actsForAnyone() || !command.actsForUnits().isEmpty()) {
                throw Rejection.INVALID_DEFINITION.because("A person's own key acts for that person only");
            }
        } else if (command.operations().contains(Operation.CLIENTS_WRITE)
                || command.operations().contains(Operation.CONSORTIUM_WRITE)) {
            // an integration names its performer: with clients:write it could make keys for anyone it names
            throw Rejection.INVALID_DEFINITION.because(
                    "clients:write and consortium:write are for a person's own key or token, never an integration's");
        }
        vault.storeSecret(command.clientId(), command.secretHash());
        apply(new ApiClientRegistered(
                command.clientId(),
                command.name(),
                command.staffId(),
                command.operations(),
                command.actsForAnyone(),
                command.actsForUnits(),
                command.performedBy()));
    }

    @CommandHandler
    void handle(RotateApiClientSecret command, StaffDirectory directory, CredentialVault vault) {
        Performers.withAnyRole(directory, command.performedBy(), Role.ADMIN);
        requireActive();
        vault.rotateSecret(clientId, command.secretHash(), command.previousValidUntil());
        apply(new ApiClientSecretRotated(clientId, command.previousValidUntil(), command.performedBy()));
    }

    @CommandHandler
    void handle(RevokeApiClient command, StaffDirectory directory) {
        Performers.withAnyRole(directory, command.performedBy(), Role.ADMIN);
        requireActive();
        apply(new ApiClientRevoked(clientId, command.reason(), command.performedBy()));
    }

    private void requireActive() {
        if (revoked) {
            throw Rejection.CLIENT_REVOKED.because("Client '" + clientId + "' is revoked");
        }
    }

    @EventSourcingHandler
    void on(ApiClientRegistered event) {
        clientId = event.clientId();
    }

    @EventSourcingHandler
    void on(ApiClientRevoked event) {
        revoked = true;
    }
}

package org.signoff.api.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.signoff.api.client.ApiClientRequests.Register;
import org.signoff.api.client.ApiClientRequests.Revoke;
import org.signoff.api.client.ApiClientRequests.Rotate;
import org.signoff.api.command.Commands;
import org.signoff.api.input.Cursor;
import org.signoff.api.input.Pages;
import org.signoff.api.security.ApiClientLookup;
import org.signoff.api.security.ApiKeys;
import org.signoff.api.security.CredentialStore;
import org.signoff.client.api.ClientId;
import org.signoff.client.api.RegisterApiClient;
import org.signoff.client.api.RevokeApiClient;
import org.signoff.client.api.RotateApiClientSecret;
import org.signoff.common.Rejection;

/** API clients: a new key is answered once, at registration or rotation, and never again. */
@RestController
@RequestMapping("/api-clients")
class ApiClientController {

    private final Commands commands;
    private final ApiClientLookup clients;
    private final Clock clock = Clock.systemUTC();

    ApiClientController(Commands commands, ApiClientLookup clients) {
        this.commands = commands;
        this.clients = clients;
    }

    /** The key to present ({@link ApiKeys#keyText}): shown in this answer only. */
    record NewKey(ClientId clientId, String key) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<NewKey> register(@Valid @RequestBody Register body) {
        ClientId clientId = commands.client(body.clientId());
        String secret = CredentialStore.newSecret();
        commands.sendUnremembered(
                Rejection.UNKNOWN_CLIENT,
                "API client",
                clientId,
                new RegisterApiClient(
                        clientId,
                        body.name(),
                        body.staffId() == null ? null : commands.staff(body.staffId()),
                        body.operations(),
                        Boolean.TRUE.equals(body.actsForAnyone()),
                        body.actsForUnits(),
                        CredentialStore.hash(secret),
                        commands.performer(body.performedBy())));
        return ResponseEntity.created(URI.create("/api-clients/" + clientId))
                .body(new NewKey(clientId, ApiKeys.keyText(clientId, secret)));
    }

    /** The clients as the command side knows them, by id, in pages: no secret, no hash. */
    @GetMapping
    ResponseEntity<List<ApiClientLookup.Client>> list(
            @RequestParam(defaultValue = Pages.DEFAULT_LIMIT) @Min(1) @Max(Pages.MAX_LIMIT) int limit,
            @RequestParam(required = false) Cursor after) {
        return Pages.of(
                clients.list(commands.ids(), after == null ? null : after.key(), limit),
                limit,
                c -> c.clientId().value());
    }

    @PostMapping("/{clientId}/rotation")
    NewKey rotate(@PathVariable ClientId clientId, @Valid @RequestBody Rotate body) {
        String secret = CredentialStore.newSecret();
        Duration overlap = Duration.ofSeconds(body.overlapSeconds() == null ? 0 : body.overlapSeconds());
        commands.sendUnremembered(
                Rejection.UNKNOWN_CLIENT,
                "API client",
                clientId,
                new RotateApiClientSecret(
                        clientId,
                        CredentialStore.hash(secret),
                        clock.instant().plus(overlap),
                        commands.performer(body.performedBy())));
        return new NewKey(clientId, ApiKeys.keyText(clientId, secret));
    }

    @PostMapping("/{clientId}/revocation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> revoke(@PathVariable ClientId clientId, @Valid @RequestBody Revoke body) {
        commands.sendTo(
                Rejection.UNKNOWN_CLIENT,
                "API client",
                clientId,
                new RevokeApiClient(clientId, body.reason(), commands.performer(body.performedBy())));
        return ResponseEntity.noContent().build();
    }
}

package org.signoff.api.client;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.signoff.api.input.Identifier;
import org.signoff.api.input.PlainText;
import org.signoff.api.input.SingleLine;
import org.signoff.client.api.Operation;

/** The JSON bodies of the API client endpoints. */
final class ApiClientRequests {

    private ApiClientRequests() {}

    /**
     * A person's own key ({@code staffId}), or an integration's, acting for anyone or for the staff of the units
     * listed.
     */
    record Register(
            @NotBlank @Identifier String clientId,
            @NotBlank @Size(max = 200) @SingleLine String name,
            @Identifier String staffId,
            @NotEmpty Set<@NotNull Operation> operations,
            Boolean actsForAnyone,
            @Size(max = 50) Set<@NotBlank @Size(max = 100) @SingleLine String> actsForUnits,
            @Identifier String performedBy) {}

    /** @param overlapSeconds how long the old secret keeps working, for the client to switch over (default none) */
    record Rotate(
            @PositiveOrZero Long overlapSeconds, @Identifier String performedBy) {}

    record Revoke(
            @NotBlank @Size(max = 4000) @PlainText String reason,
            @Identifier String performedBy) {}
}

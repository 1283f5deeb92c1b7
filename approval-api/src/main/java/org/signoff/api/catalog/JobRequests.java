package org.signoff.api.catalog;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.signoff.api.input.Identifier;
import org.signoff.api.input.PlainText;
import org.signoff.api.input.SingleLine;
import org.signoff.catalog.api.JobDefinition;
import org.signoff.catalog.api.RequiredReading;

/** The JSON bodies of the job endpoints. */
final class JobRequests {

    private JobRequests() {}

    record Reading(
            @NotBlank @Size(max = 200) @SingleLine String documentId,
            @NotBlank @Size(max = 500) @SingleLine String title,
            @NotBlank @Size(max = 100) @SingleLine String version) {}

    /**
     * A job's definition, as registered or replaced. The two flags are optional: left out means no.
     *
     * @param signOffValidFor how long a sign-off lasts before it lapses unless recertified (ISO-8601, e.g.
     *     {@code P365D}); left out, until revoked
     */
    record Definition(
            @NotBlank @Size(max = 200) @SingleLine String scope,
            @NotBlank @Size(max = 500) @SingleLine String name,
            @Size(max = 4000) @PlainText String notes,
            @NotNull @Size(max = 50) List<@NotNull @Valid Reading> requiredReadings,
            @Size(max = 200) List<@NotBlank @Size(max = 200) @SingleLine String> variants,
            Boolean signOffPerVariant,
            Boolean roleUpdateUsuallyNeeded,
            Duration signOffValidFor) {

        JobDefinition toDomain() {
            return new JobDefinition(
                    scope,
                    name,
                    notes,
                    requiredReadings.stream()
                            .map(r -> new RequiredReading(r.documentId(), r.title(), r.version()))
                            .toList(),
                    variants,
                    Boolean.TRUE.equals(signOffPerVariant),
                    Boolean.TRUE.equals(roleUpdateUsuallyNeeded),
                    signOffValidFor);
        }
    }

    record Register(
            @NotBlank @Identifier String jobId,
            @NotNull @Valid Definition definition,
            @Identifier String performedBy) {}

    record Change(
            @NotNull @Valid Definition definition,
            @Identifier String performedBy) {}

    record Retire(
            @NotBlank @Size(max = 4000) @PlainText String reason,
            @Identifier String performedBy) {}
}

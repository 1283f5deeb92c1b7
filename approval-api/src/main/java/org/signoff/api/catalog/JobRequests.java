package org.signoff.api.catalog;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.signoff.catalog.api.JobDefinition;
import org.signoff.catalog.api.RequiredReading;

/** The JSON bodies of the job endpoints. */
final class JobRequests {

    static final String ID = "[a-z0-9][a-z0-9._-]{0,99}";

    private JobRequests() {
    }

    record Reading(@NotBlank @Size(max = 200) String documentId,
                   @NotBlank @Size(max = 500) String title,
                   @NotBlank @Size(max = 100) String version) {
    }

    /** A job's definition, as registered or replaced. The two flags are optional: left out means no. */
    record Definition(@NotBlank @Size(max = 200) String scope,
                      @NotBlank @Size(max = 500) String name,
                      @Size(max = 4000) String notes,
                      @NotNull @Size(max = 50) List<@NotNull @Valid Reading> requiredReadings,
                      @Size(max = 200) List<@NotBlank @Size(max = 200) String> variants,
                      Boolean signOffPerVariant,
                      Boolean roleUpdateUsuallyNeeded) {

        JobDefinition toDomain() {
            return new JobDefinition(scope, name, notes, requiredReadings.stream()
                    .map(r -> new RequiredReading(r.documentId(), r.title(), r.version())).toList(),
                    variants, Boolean.TRUE.equals(signOffPerVariant), Boolean.TRUE.equals(roleUpdateUsuallyNeeded));
        }
    }

    record Register(@NotBlank @Pattern(regexp = ID, message = "lower-case letters, digits, '.', '_' or '-'")
                    String jobId,
                    @NotNull @Valid Definition definition,
                    @NotBlank String performedBy) {
    }

    record Change(@NotNull @Valid Definition definition,
                  @NotBlank String performedBy) {
    }

    record Retire(@NotBlank @Size(max = 4000) String reason,
                  @NotBlank String performedBy) {
    }
}

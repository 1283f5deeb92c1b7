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
import org.signoff.catalog.api.AlmaRole;
import org.signoff.catalog.api.AlmaSide;
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

    /**
     * One parameter of an Alma role, by the codes of Alma's code tables ({@code type.value}, {@code scope.value},
     * {@code value.value} of a {@code user_role}'s {@code parameter}).
     */
    record AlmaRoleParameter(
            @Size(max = 100) @SingleLine String type,
            @Size(max = 100) @SingleLine String scope,
            @Size(max = 200) @SingleLine String value) {}

    /**
     * An Alma role as a {@code user_role} names it: {@code role_type.value} (e.g. {@code 51}), {@code scope.value}
     * (the library or institution code), its parameters. A blank type or scope is the aggregate's to refuse (422).
     */
    record AlmaRoleBody(
            @Size(max = 100) @SingleLine String roleType,
            @Size(max = 100) @SingleLine String scope,
            @Size(max = 20) List<@NotNull @Valid AlmaRoleParameter> parameters) {

        AlmaRole toDomain() {
            return new AlmaRole(
                    roleType,
                    scope,
                    parameters == null
                            ? List.of()
                            : parameters.stream()
                                    .map(p -> new AlmaRole.Parameter(p.type(), p.scope(), p.value()))
                                    .toList());
        }
    }

    /**
     * What the job is in Alma, replacing what was said before; every list may be left out (empty).
     *
     * @param jobIds           Alma's job ids ({@code /conf/jobs/{job_id}}), e.g. {@code M28}
     * @param importProfileIds the import profiles an import job runs
     */
    record AlmaSideBody(
            @Size(max = 50) List<@NotNull @Size(max = 100) @SingleLine String> jobIds,
            @Size(max = 50) List<@NotNull @Size(max = 100) @SingleLine String> importProfileIds,
            @Size(max = 50) List<@NotNull @Valid AlmaRoleBody> sandboxRoles,
            @Size(max = 50) List<@NotNull @Valid AlmaRoleBody> productionRoles,
            @Identifier String performedBy) {

        AlmaSide toDomain() {
            return new AlmaSide(jobIds, importProfileIds, roles(sandboxRoles), roles(productionRoles));
        }

        private static List<AlmaRole> roles(List<AlmaRoleBody> roles) {
            return roles == null
                    ? List.of()
                    : roles.stream().map(AlmaRoleBody::toDomain).toList();
        }
    }

    /** The training classes the job requires besides those every job requires, replacing what was said before. */
    record RequiredClassesBody(
            @NotNull @Size(max = 50) List<@NotBlank @Size(max = 200) @SingleLine String> classIds,
            @Identifier String performedBy) {}

    /**
     * A training class of the catalog.
     *
     * @param requiredOfEveryJob every job requires it without naming it; left out means no
     */
    record TrainingClassBody(
            @NotBlank @Identifier String classId,
            @NotBlank @Size(max = 500) @SingleLine String title,
            @NotBlank @Size(max = 200) @SingleLine String functionalArea,
            Boolean requiredOfEveryJob,
            @Identifier String performedBy) {}

    record Retire(
            @NotBlank @Size(max = 4000) @PlainText String reason,
            @Identifier String performedBy) {}
}

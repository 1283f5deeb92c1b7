package org.signoff.api.alma;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.signoff.api.input.Identifier;
import org.signoff.api.input.PlainText;
import org.signoff.api.input.SingleLine;

/**
 * The bodies of steps 3 and 6 taken through Alma: the step's own fields, and {@code dryRun}, which must be said
 * (a forgotten one would write to Alma).
 */
final class AlmaRoleStepRequests {

    private AlmaRoleStepRequests() {}

    /** Step 3: as {@code POST /tickets/{id}/sandbox-grant}, and whether it is a dry run. */
    record SandboxGrant(
            @NotNull @Size(max = 50) List<@NotBlank @Size(max = 1000) @SingleLine String> trainingMaterials,
            @Identifier String performedBy,
            @NotNull Boolean dryRun) {}

    /** Step 6: as {@code POST /tickets/{id}/role-update}, and whether it is a dry run. */
    record RoleUpdate(
            @Size(max = 4000) @PlainText String note,
            @Identifier String performedBy,
            @NotNull Boolean dryRun) {}
}

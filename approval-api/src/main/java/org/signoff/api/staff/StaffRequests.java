package org.signoff.api.staff;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.signoff.staff.api.Role;

/** The JSON bodies of the staff endpoints. */
final class StaffRequests {

    private StaffRequests() {
    }

    record Register(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,99}",
                            message = "lower-case letters, digits, '.', '_' or '-'") String staffId,
                    @NotBlank @Size(max = 500) String displayName,
                    @NotBlank @Size(max = 200) String unit,
                    @NotEmpty Set<@NotNull Role> roles,
                    Set<@NotBlank @Size(max = 200) String> liaisonUnits,
                    @NotBlank String performedBy) {
    }

    record Change(@Size(max = 500) String displayName,
                  @NotBlank @Size(max = 200) String unit,
                  @NotEmpty Set<@NotNull Role> roles,
                  Set<@NotBlank @Size(max = 200) String> liaisonUnits,
                  @NotBlank String performedBy) {
    }
}

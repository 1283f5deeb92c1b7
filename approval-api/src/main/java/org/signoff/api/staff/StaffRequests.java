package org.signoff.api.staff;

import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.signoff.api.input.Identifier;
import org.signoff.api.input.PlainText;
import org.signoff.api.input.SingleLine;
import org.signoff.staff.api.Role;

/** The JSON bodies of the staff endpoints. */
final class StaffRequests {

    /** Liaison of at most this many units. */
    static final int MAX_LIAISON_UNITS = 50;

    private StaffRequests() {}

    record Register(
            @NotBlank @Identifier String staffId,
            @NotBlank @Size(max = 500) @SingleLine String displayName,
            @NotBlank @Size(max = 100) @SingleLine String unit,
            @NotEmpty Set<@NotNull Role> roles,
            @Size(max = MAX_LIAISON_UNITS) Set<@NotBlank @Size(max = 100) @SingleLine String> liaisonUnits,
            @Identifier String performedBy) {}

    record Change(
            @Size(max = 500) @SingleLine String displayName,
            @NotBlank @Size(max = 100) @SingleLine String unit,
            @NotEmpty Set<@NotNull Role> roles,
            @Size(max = MAX_LIAISON_UNITS) Set<@NotBlank @Size(max = 100) @SingleLine String> liaisonUnits,
            @Identifier String performedBy) {}

    /**
     * @param almaPrimaryId the login the person uses in Alma (its primary id); null or left out clears it. A blank
     *     one is the aggregate's to refuse (422)
     */
    record AlmaPrimaryId(
            @Size(max = 255) @SingleLine String almaPrimaryId,
            @Identifier String performedBy) {}

    /** @param reason why the person left, as the administrator records it */
    record Departure(
            @NotBlank @Size(max = 4000) @PlainText String reason,
            @Identifier String performedBy) {}

    record Erasure(@Identifier String performedBy) {}

    /**
     * @param classId the training class of the catalog
     * @param attendedOn the day the person attended it (ISO date), not in the future
     */
    record Attendance(
            @NotBlank @Identifier String classId,
            @NotNull LocalDate attendedOn,
            @Identifier String performedBy) {}
}

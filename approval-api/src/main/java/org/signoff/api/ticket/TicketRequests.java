package org.signoff.api.ticket;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.signoff.ticket.api.TestOutcome;

/** The JSON bodies of the ticket endpoints. {@code performedBy} is the staff id of whoever takes the step. */
final class TicketRequests {

    private TicketRequests() {
    }

    record Open(@NotBlank @Size(max = 200) String jobId,
                @Size(max = 200) String variant,
                @NotBlank String performedBy) {
    }

    record Reading(@NotBlank @Size(max = 200) String documentId,
                   @NotBlank @Size(max = 100) String version,
                   @NotBlank String performedBy) {
    }

    record Request(@NotBlank @Size(max = 200) String supportTicketRef,
                   @Size(max = 4000) String note,
                   @NotBlank String performedBy) {
    }

    record SandboxGrant(@NotNull @Size(max = 50) List<@NotBlank @Size(max = 1000) String> trainingMaterials,
                        @NotBlank String performedBy) {
    }

    record SandboxTest(@NotBlank @Size(max = 200) String jobInstanceRef,
                       @NotNull @PositiveOrZero Long recordsProcessed,
                       @NotNull TestOutcome outcome,
                       @Size(max = 4000) String notes,
                       @NotBlank String performedBy) {
    }

    record Approval(Boolean roleUpdateNeeded,
                    @Size(max = 4000) String comment,
                    @NotBlank String performedBy) {
    }

    record Reason(@NotBlank @Size(max = 4000) String reason,
                  @NotBlank String performedBy) {
    }

    record OptionalReason(@Size(max = 4000) String reason,
                          @NotBlank String performedBy) {
    }

    record RoleRequest(@NotBlank @Size(max = 200) String formRef,
                       @NotBlank String performedBy) {
    }

    record RoleUpdate(@Size(max = 4000) String note,
                      @NotBlank String performedBy) {
    }
}

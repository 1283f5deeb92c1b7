package org.signoff.api.ticket;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.signoff.api.input.Identifier;
import org.signoff.api.input.PlainText;
import org.signoff.api.input.SingleLine;
import org.signoff.ticket.api.TestOutcome;

/**
 * The JSON bodies of the ticket endpoints. {@code performedBy} is the staff id of whoever takes the step: left out
 * with a person's own key, named by an integration acting for them.
 */
final class TicketRequests {

    private TicketRequests() {}

    record Open(
            @NotBlank @Identifier String jobId,
            @Size(max = 200) @SingleLine String variant,
            @Identifier String performedBy) {}

    record Reading(
            @NotBlank @Size(max = 200) @SingleLine String documentId,
            @NotBlank @Size(max = 100) @SingleLine String version,
            @Identifier String performedBy) {}

    record Request(
            @NotBlank @Size(max = 200) @SingleLine String supportTicketRef,
            @Size(max = 4000) @PlainText String note,
            @Identifier String performedBy) {}

    record SandboxGrant(
            @NotNull @Size(max = 50) List<@NotBlank @Size(max = 1000) @SingleLine String> trainingMaterials,
            @Identifier String performedBy) {}

    /** @param attachments links to the test's proof (the job's report, an export, screenshots): http(s) URLs */
    /**
     * Step 4: the run ({@code jobInstanceRef}: Alma's job instance id) is read from Alma's Sandbox where it is
     * configured for the job ({@code almaJobId}: which of the job's Alma jobs, when it has several); the records and
     * outcome are typed only where it is not, or does not answer.
     */
    record SandboxTest(
            @NotBlank @Size(max = 200) @SingleLine String jobInstanceRef,
            @Size(max = 100) @SingleLine String almaJobId,
            @PositiveOrZero Long recordsProcessed,
            TestOutcome outcome,
            @Size(max = 20) List<@NotNull @Size(max = 2000) @Pattern(regexp = "https?://\\S+") String> attachments,
            @Size(max = 4000) @PlainText String notes,
            @Identifier String performedBy) {}

    record Approval(
            Boolean roleUpdateNeeded,
            @Size(max = 4000) @PlainText String comment,
            @Identifier String performedBy) {}

    record Reason(
            @NotBlank @Size(max = 4000) @PlainText String reason,
            @Identifier String performedBy) {}

    record OptionalReason(
            @Size(max = 4000) @PlainText String reason,
            @Identifier String performedBy) {}

    record RoleRequest(
            @NotBlank @Size(max = 200) @SingleLine String formRef,
            @Identifier String performedBy) {}

    record RoleUpdate(
            @Size(max = 4000) @PlainText String note,
            @Identifier String performedBy) {}
}

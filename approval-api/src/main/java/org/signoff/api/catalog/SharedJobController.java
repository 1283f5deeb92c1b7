package org.signoff.api.catalog;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.signoff.api.command.Commands;
import org.signoff.api.input.Identifier;
import org.signoff.api.input.PlainText;
import org.signoff.catalog.api.AdoptSharedJob;
import org.signoff.catalog.api.JobDefinition;
import org.signoff.catalog.api.SharedJobId;
import org.signoff.common.Rejection;
import org.signoff.consortium.api.ChangeSharedJob;
import org.signoff.consortium.api.DefineSharedJob;
import org.signoff.staff.api.StaffId;

/**
 * The consortium's shared catalog over HTTP (Alma's network zone): its administrators define and change shared jobs;
 * every institution reads them and adopts one into its own catalog, with notes of its own.
 */
@RestController
@RequestMapping("/shared-jobs")
class SharedJobController {

    private final Commands commands;
    private final SharedJobs sharedJobs;

    SharedJobController(Commands commands, SharedJobs sharedJobs) {
        this.commands = commands;
        this.sharedJobs = sharedJobs;
    }

    record Define(
            @NotBlank @Identifier String sharedJobId,
            @NotNull @Valid JobRequests.Definition definition,
            @Identifier String performedBy) {}

    /**
     * @param jobId the id the job takes in the adopting institution's catalog (left out: the shared job's)
     * @param notes the institution's own notes on the job (left out: the consortium's)
     */
    record Adopt(
            @Identifier String jobId,
            @Size(max = 4000) @PlainText String notes,
            @Identifier String performedBy) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Void> define(@Valid @RequestBody Define body) {
        commands.create(new DefineSharedJob(
                SharedJobId.of(body.sharedJobId()),
                body.definition().toDomain(),
                commands.performer(body.performedBy())));
        return ResponseEntity.created(URI.create("/shared-jobs/" + body.sharedJobId()))
                .build();
    }

    /** A new version: every institution that adopted the job follows it within moments. */
    @PutMapping("/{sharedJobId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> change(
            @PathVariable @Identifier String sharedJobId, @Valid @RequestBody JobRequests.Change body) {
        commands.sendTo(
                Rejection.UNKNOWN_JOB,
                "shared job",
                sharedJobId,
                new ChangeSharedJob(
                        SharedJobId.of(sharedJobId),
                        body.definition().toDomain(),
                        commands.performer(body.performedBy())));
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    List<SharedJobs.SharedJobView> list() {
        return sharedJobs.all();
    }

    @PostMapping("/{sharedJobId}/adoption")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Void> adopt(@PathVariable @Identifier String sharedJobId, @Valid @RequestBody Adopt body) {
        StaffId performer = commands.performer(body.performedBy());
        SharedJobs.SharedJobView shared = sharedJobs
                .find(SharedJobId.of(sharedJobId))
                .orElseThrow(() -> Rejection.UNKNOWN_JOB.because("No shared job '" + sharedJobId + "'"));
        String jobId = body.jobId() != null ? body.jobId() : sharedJobId;
        commands.create(new AdoptSharedJob(
                commands.job(jobId),
                SharedJobId.of(sharedJobId),
                withNotes(shared.definition(), body.notes()),
                performer));
        return ResponseEntity.created(URI.create("/jobs/" + jobId)).build();
    }

    /** The shared definition with the institution's own notes, where it has some. */
    static JobDefinition withNotes(JobDefinition shared, String notes) {
        return notes == null
                ? shared
                : new JobDefinition(
                        shared.scope(),
                        shared.name(),
                        notes,
                        shared.requiredReadings(),
                        shared.variants(),
                        shared.signOffPerVariant(),
                        shared.roleUpdateUsuallyNeeded(),
                        shared.signOffValidFor());
    }
}

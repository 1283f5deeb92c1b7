package org.signoff.api.catalog;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.signoff.api.catalog.JobRequests.AlmaSideBody;
import org.signoff.api.catalog.JobRequests.Change;
import org.signoff.api.catalog.JobRequests.Register;
import org.signoff.api.catalog.JobRequests.RequiredClassesBody;
import org.signoff.api.catalog.JobRequests.Retire;
import org.signoff.api.command.Commands;
import org.signoff.api.input.Cursor;
import org.signoff.api.input.Pages;
import org.signoff.api.problem.Problems;
import org.signoff.api.readmodel.ReadYourWrites;
import org.signoff.catalog.api.ChangeJob;
import org.signoff.catalog.api.JobId;
import org.signoff.catalog.api.RegisterJob;
import org.signoff.catalog.api.RetireJob;
import org.signoff.catalog.api.SetJobAlmaSide;
import org.signoff.catalog.api.SetJobRequiredClasses;
import org.signoff.common.Rejection;
import org.signoff.projections.catalog.CatalogProjection;
import org.signoff.projections.catalog.api.FindJobQuery;
import org.signoff.projections.catalog.api.JobView;
import org.signoff.projections.catalog.api.ListJobsQuery;

/** The job catalog over HTTP. */
@RestController
@RequestMapping("/jobs")
class JobController {

    private final Commands commands;
    private final QueryGateway queries;
    private final Reattestations reattestations;
    private final ReadYourWrites readYourWrites;

    JobController(
            Commands commands, QueryGateway queries, Reattestations reattestations, ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.queries = queries;
        this.reattestations = reattestations;
        this.readYourWrites = readYourWrites;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Void> register(@Valid @RequestBody Register body) {
        commands.create(new RegisterJob(
                commands.job(body.jobId()), body.definition().toDomain(), commands.performer(body.performedBy())));
        return ResponseEntity.created(URI.create("/jobs/" + body.jobId())).build();
    }

    /**
     * The job's new definition. A new version of a required reading asks every sign-off resting on the old one to
     * confirm it (see {@link Reattestations}).
     */
    @PutMapping("/{jobId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> change(@PathVariable JobId jobId, @Valid @RequestBody Change body) {
        reattestations.change(
                new ChangeJob(jobId, body.definition().toDomain(), commands.performer(body.performedBy())));
        return ResponseEntity.noContent().build();
    }

    /**
     * What the job is in Alma: the Alma jobs and import profiles it covers, the roles it needs in the Sandbox and in
     * production. The same side again changes nothing.
     */
    @PutMapping("/{jobId}/alma-side")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> setAlmaSide(@PathVariable JobId jobId, @Valid @RequestBody AlmaSideBody body) {
        commands.sendTo(
                Rejection.UNKNOWN_JOB,
                "job",
                jobId,
                new SetJobAlmaSide(jobId, body.toDomain(), commands.performer(body.performedBy())));
        return ResponseEntity.noContent().build();
    }

    /**
     * The training classes the job requires besides those every job requires; the job refuses a class the catalog
     * does not have.
     */
    @PutMapping("/{jobId}/required-classes")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> setRequiredClasses(@PathVariable JobId jobId, @Valid @RequestBody RequiredClassesBody body) {
        commands.sendTo(
                Rejection.UNKNOWN_JOB,
                "job",
                jobId,
                new SetJobRequiredClasses(
                        jobId,
                        body.classIds().stream().map(commands::trainingClass).toList(),
                        commands.performer(body.performedBy())));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{jobId}/retirement")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> retire(@PathVariable JobId jobId, @Valid @RequestBody Retire body) {
        commands.sendTo(
                Rejection.UNKNOWN_JOB,
                "job",
                jobId,
                new RetireJob(jobId, body.reason(), commands.performer(body.performedBy())));
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    ResponseEntity<List<JobView>> list(
            @RequestParam(defaultValue = "false") boolean includeRetired,
            @RequestParam(defaultValue = Pages.DEFAULT_LIMIT) @Min(1) @Max(Pages.MAX_LIMIT) int limit,
            @RequestParam(required = false) Cursor after) {
        if (after != null && !commands.ids().owns(after.key())) {
            // the page after another institution's job would tell where that job stands
            throw Problems.badRequest("INVALID_REQUEST", "Not a cursor of this list");
        }
        List<JobView> page = queries.query(
                        new ListJobsQuery(commands.ids(), includeRetired, after == null ? null : after.key(), limit),
                        ResponseTypes.multipleInstancesOf(JobView.class))
                .join();
        return Pages.of(page, limit, JobView::jobId);
    }

    @GetMapping("/{jobId}")
    JobView find(@PathVariable JobId jobId) {
        return readYourWrites
                .find(CatalogProjection.PROCESSING_GROUP, new FindJobQuery(jobId.value()), JobView.class)
                .orElseThrow(() -> Rejection.UNKNOWN_JOB.because("No job '" + jobId + "'"));
    }
}

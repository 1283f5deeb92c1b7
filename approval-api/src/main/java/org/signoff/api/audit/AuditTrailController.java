package org.signoff.api.audit;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.signoff.api.input.Pages;
import org.signoff.api.readmodel.ReadYourWrites;
import org.signoff.catalog.api.JobId;
import org.signoff.common.Rejection;
import org.signoff.projections.catalog.CatalogProjection;
import org.signoff.projections.catalog.api.FindJobQuery;
import org.signoff.projections.catalog.api.JobView;
import org.signoff.projections.staff.StaffProjection;
import org.signoff.projections.staff.api.FindStaffQuery;
import org.signoff.projections.staff.api.StaffView;
import org.signoff.projections.ticket.api.AuditEntryView;
import org.signoff.projections.ticket.api.AuditTrailQuery;
import org.signoff.staff.api.StaffId;

/**
 * The history of a person and of a job, for auditors: every step of every ticket concerned, in the order it
 * happened, with who acted, for which client, on which support ticket, on what evidence and for what reason.
 */
@RestController
class AuditTrailController {

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    AuditTrailController(QueryGateway queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    /** Every step the person took, and every step taken on their own tickets. */
    @GetMapping("/staff/{staffId}/history")
    ResponseEntity<List<AuditEntryView>> ofPerson(
            @PathVariable StaffId staffId,
            @RequestParam(defaultValue = Pages.DEFAULT_LIMIT) @Min(1) @Max(Pages.MAX_LIMIT) int limit,
            @RequestParam(required = false) AuditTrailCursor after) {
        readYourWrites
                .find(StaffProjection.PROCESSING_GROUP, new FindStaffQuery(staffId.value()), StaffView.class)
                .orElseThrow(() -> Rejection.UNKNOWN_STAFF.because("No staff member '" + staffId + "'"));
        return page(
                AuditTrailQuery.ofPerson(
                        staffId.value(),
                        after == null ? null : after.occurredAt(),
                        after == null ? null : after.ticketId(),
                        after == null ? null : after.sequence(),
                        limit),
                limit);
    }

    /** Every step of every ticket on the job. */
    @GetMapping("/jobs/{jobId}/history")
    ResponseEntity<List<AuditEntryView>> ofJob(
            @PathVariable JobId jobId,
            @RequestParam(defaultValue = Pages.DEFAULT_LIMIT) @Min(1) @Max(Pages.MAX_LIMIT) int limit,
            @RequestParam(required = false) AuditTrailCursor after) {
        readYourWrites
                .find(CatalogProjection.PROCESSING_GROUP, new FindJobQuery(jobId.value()), JobView.class)
                .orElseThrow(() -> Rejection.UNKNOWN_JOB.because("No job '" + jobId + "'"));
        return page(
                AuditTrailQuery.ofJob(
                        jobId.value(),
                        after == null ? null : after.occurredAt(),
                        after == null ? null : after.ticketId(),
                        after == null ? null : after.sequence(),
                        limit),
                limit);
    }

    private ResponseEntity<List<AuditEntryView>> page(AuditTrailQuery query, int limit) {
        List<AuditEntryView> page = queries.query(query, ResponseTypes.multipleInstancesOf(AuditEntryView.class))
                .join();
        return Pages.of(page, limit, AuditTrailCursor::keyOf);
    }
}

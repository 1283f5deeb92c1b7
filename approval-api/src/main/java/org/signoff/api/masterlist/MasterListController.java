package org.signoff.api.masterlist;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.signoff.api.input.SingleLine;
import org.signoff.api.security.Callers;
import org.signoff.catalog.api.JobId;
import org.signoff.projections.masterlist.api.FetchMasterListQuery;
import org.signoff.projections.masterlist.api.MasterListView;
import org.signoff.projections.masterlist.api.PendingRecertificationView;
import org.signoff.projections.masterlist.api.PendingRecertificationsQuery;
import org.signoff.staff.api.StaffId;

/** Who may run which job in production. */
@RestController
class MasterListController {

    static final String TEXT_CSV = "text/csv";
    static final String TEXT_MARKDOWN = "text/markdown";

    private final QueryGateway queries;

    private final Callers callers;

    MasterListController(QueryGateway queries, Callers callers) {
        this.callers = callers;
        this.queries = queries;
    }

    /**
     * @param at      an instant: the list as it stood then, each entry with its approver, approval time and the
     *     Sandbox test report behind it
     * @param scope   only this scope's jobs
     * @param jobId   only this job
     * @param unit    only the people of this unit, and the jobs where one of them is listed
     * @param staffId only this person, and the jobs where they are listed
     */
    @GetMapping(path = "/master-list", produces = MediaType.APPLICATION_JSON_VALUE)
    MasterListView masterList(
            @RequestParam(required = false) Instant at,
            @RequestParam(required = false) @Size(max = 200) @SingleLine String scope,
            @RequestParam(required = false) JobId jobId,
            @RequestParam(required = false) @Size(max = 100) @SingleLine String unit,
            @RequestParam(required = false) StaffId staffId) {
        return queries.query(
                        new FetchMasterListQuery(
                                callers.ids(),
                                at,
                                scope,
                                jobId == null ? null : jobId.value(),
                                unit,
                                staffId == null ? null : staffId.value()),
                        ResponseTypes.instanceOf(MasterListView.class))
                .join();
    }

    /**
     * The same list, filtered the same way, as a file: CSV in the master-list format (the import format) with
     * {@code Accept: text/csv}, or a Markdown table laid out like the wiki page (scope, job name, staff name (unit))
     * with {@code Accept: text/markdown}.
     */
    @GetMapping(
            path = "/master-list",
            produces = {TEXT_CSV, TEXT_MARKDOWN})
    ResponseEntity<String> masterListAsFile(
            @RequestParam(required = false) Instant at,
            @RequestParam(required = false) @Size(max = 200) @SingleLine String scope,
            @RequestParam(required = false) JobId jobId,
            @RequestParam(required = false) @Size(max = 100) @SingleLine String unit,
            @RequestParam(required = false) StaffId staffId,
            @RequestHeader(HttpHeaders.ACCEPT) String accept) {
        MasterListView list = masterList(at, scope, jobId, unit, staffId);
        return MediaType.parseMediaTypes(accept).stream()
                        .anyMatch(type -> type.isCompatibleWith(MediaType.parseMediaType(TEXT_MARKDOWN)))
                ? file(MasterListExports.markdown(list), TEXT_MARKDOWN, "master-list.md")
                : file(MasterListExports.csv(list), TEXT_CSV, "master-list.csv");
    }

    private static ResponseEntity<String> file(String body, String type, String name) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(type + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + "\"")
                .body(body);
    }

    /**
     * The recertification work queue: sign-offs whose job's systems librarians were asked to recertify them (or
     * revoke them) before they lapse, the soonest to lapse first.
     */
    @GetMapping("/recertifications")
    List<PendingRecertificationView> recertifications(@RequestParam(required = false) JobId jobId) {
        return queries.query(
                        new PendingRecertificationsQuery(callers.ids(), jobId == null ? null : jobId.value()),
                        ResponseTypes.multipleInstancesOf(PendingRecertificationView.class))
                .join();
    }
}

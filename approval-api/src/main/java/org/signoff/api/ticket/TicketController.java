package org.signoff.api.ticket;

import static org.signoff.api.ticket.TicketRequests.Approval;
import static org.signoff.api.ticket.TicketRequests.Open;
import static org.signoff.api.ticket.TicketRequests.OptionalReason;
import static org.signoff.api.ticket.TicketRequests.Reading;
import static org.signoff.api.ticket.TicketRequests.Reason;
import static org.signoff.api.ticket.TicketRequests.Request;
import static org.signoff.api.ticket.TicketRequests.RoleRequest;
import static org.signoff.api.ticket.TicketRequests.RoleUpdate;
import static org.signoff.api.ticket.TicketRequests.SandboxGrant;
import static org.signoff.api.ticket.TicketRequests.SandboxTest;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.signoff.api.alma.SandboxRuns;
import org.signoff.api.command.Commands;
import org.signoff.api.ids.TimeOrderedIds;
import org.signoff.api.input.IfMatch;
import org.signoff.api.input.Pages;
import org.signoff.api.readmodel.ReadYourWrites;
import org.signoff.common.Rejection;
import org.signoff.projections.ticket.TicketProjection;
import org.signoff.projections.ticket.api.FindTicketQuery;
import org.signoff.projections.ticket.api.ListTicketsQuery;
import org.signoff.projections.ticket.api.TicketSummaryView;
import org.signoff.projections.ticket.api.TicketView;
import org.signoff.ticket.api.ApproveProductionUse;
import org.signoff.ticket.api.ConfirmProductionRoleUpdate;
import org.signoff.ticket.api.ConfirmReading;
import org.signoff.ticket.api.DenyProductionUse;
import org.signoff.ticket.api.GrantSandboxAccess;
import org.signoff.ticket.api.RecertifyProductionUse;
import org.signoff.ticket.api.ReportSandboxTest;
import org.signoff.ticket.api.RequestJobAccess;
import org.signoff.ticket.api.RequestRetest;
import org.signoff.ticket.api.RevokeProductionUse;
import org.signoff.ticket.api.StartSignOff;
import org.signoff.ticket.api.SubmitRoleRequest;
import org.signoff.ticket.api.TicketId;
import org.signoff.ticket.api.TicketLifecycle;
import org.signoff.ticket.api.TicketStatus;
import org.signoff.ticket.api.WithdrawRequest;

/** The six steps over HTTP: one endpoint a command, each answering where the ticket stands now. */
@RestController
@RequestMapping("/tickets")
class TicketController {

    private final Commands commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final SandboxRuns sandboxRuns;

    TicketController(Commands commands, QueryGateway queries, ReadYourWrites readYourWrites, SandboxRuns sandboxRuns) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.sandboxRuns = sandboxRuns;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<StepResult> open(@Valid @RequestBody Open body) {
        // the ticket the command opened: a retry with the same Idempotency-Key answers the first one's
        TicketId ticketId = commands.create(new StartSignOff(
                commands.ticket(TimeOrderedIds.next()),
                commands.job(body.jobId()),
                body.variant(),
                commands.performer(body.performedBy())));
        return ResponseEntity.created(URI.create("/tickets/" + ticketId))
                .body(StepResult.of(ticketId, TicketLifecycle.OPENED));
    }

    @PostMapping("/{ticketId}/readings")
    StepResult confirmReading(
            @PathVariable TicketId ticketId,
            @Valid @RequestBody Reading body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) IfMatch ifMatch) {
        return step(
                ticketId,
                new ConfirmReading(
                        ticketId,
                        body.documentId(),
                        body.version(),
                        commands.performer(body.performedBy()),
                        IfMatch.versionOf(ifMatch)));
    }

    @PostMapping("/{ticketId}/request")
    StepResult request(
            @PathVariable TicketId ticketId,
            @Valid @RequestBody Request body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) IfMatch ifMatch) {
        return step(
                ticketId,
                new RequestJobAccess(
                        ticketId,
                        body.supportTicketRef() == null ? null : commands.ids().prefix() + body.supportTicketRef(),
                        body.note(),
                        commands.performer(body.performedBy()),
                        IfMatch.versionOf(ifMatch)));
    }

    @PostMapping("/{ticketId}/sandbox-grant")
    StepResult grantSandbox(
            @PathVariable TicketId ticketId,
            @Valid @RequestBody SandboxGrant body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) IfMatch ifMatch) {
        return step(
                ticketId,
                new GrantSandboxAccess(
                        ticketId,
                        body.trainingMaterials(),
                        commands.performer(body.performedBy()),
                        IfMatch.versionOf(ifMatch)));
    }

    @PostMapping("/{ticketId}/sandbox-test")
    StepResult reportSandboxTest(
            @PathVariable TicketId ticketId,
            @Valid @RequestBody SandboxTest body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) IfMatch ifMatch) {
        SandboxRuns.Reading alma = sandboxRuns.read(ticketId, body.jobInstanceRef(), body.almaJobId());
        List<URI> attachments = body.attachments() == null
                ? List.of()
                : body.attachments().stream().map(URI::create).toList();
        return step(
                ticketId,
                new ReportSandboxTest(
                        ticketId,
                        alma.evidence(body.jobInstanceRef(), body.recordsProcessed(), body.outcome(), attachments),
                        body.notes(),
                        commands.performer(body.performedBy()),
                        IfMatch.versionOf(ifMatch),
                        alma.check()));
    }

    @PostMapping("/{ticketId}/approval")
    StepResult approve(
            @PathVariable TicketId ticketId,
            @Valid @RequestBody Approval body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) IfMatch ifMatch) {
        return step(
                ticketId,
                new ApproveProductionUse(
                        ticketId,
                        body.roleUpdateNeeded(),
                        body.comment(),
                        commands.performer(body.performedBy()),
                        IfMatch.versionOf(ifMatch)));
    }

    @PostMapping("/{ticketId}/retest-request")
    StepResult requestRetest(
            @PathVariable TicketId ticketId,
            @Valid @RequestBody Reason body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) IfMatch ifMatch) {
        return step(
                ticketId,
                new RequestRetest(
                        ticketId, body.reason(), commands.performer(body.performedBy()), IfMatch.versionOf(ifMatch)));
    }

    @PostMapping("/{ticketId}/denial")
    StepResult deny(
            @PathVariable TicketId ticketId,
            @Valid @RequestBody Reason body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) IfMatch ifMatch) {
        return step(
                ticketId,
                new DenyProductionUse(
                        ticketId, body.reason(), commands.performer(body.performedBy()), IfMatch.versionOf(ifMatch)));
    }

    @PostMapping("/{ticketId}/role-request")
    StepResult submitRoleRequest(
            @PathVariable TicketId ticketId,
            @Valid @RequestBody RoleRequest body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) IfMatch ifMatch) {
        return step(
                ticketId,
                new SubmitRoleRequest(
                        ticketId, body.formRef(), commands.performer(body.performedBy()), IfMatch.versionOf(ifMatch)));
    }

    @PostMapping("/{ticketId}/role-update")
    StepResult confirmRoleUpdate(
            @PathVariable TicketId ticketId,
            @Valid @RequestBody RoleUpdate body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) IfMatch ifMatch) {
        return step(
                ticketId,
                new ConfirmProductionRoleUpdate(
                        ticketId, body.note(), commands.performer(body.performedBy()), IfMatch.versionOf(ifMatch)));
    }

    @PostMapping("/{ticketId}/withdrawal")
    StepResult withdraw(
            @PathVariable TicketId ticketId,
            @Valid @RequestBody OptionalReason body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) IfMatch ifMatch) {
        return step(
                ticketId,
                new WithdrawRequest(
                        ticketId, body.reason(), commands.performer(body.performedBy()), IfMatch.versionOf(ifMatch)));
    }

    @PostMapping("/{ticketId}/revocation")
    StepResult revoke(
            @PathVariable TicketId ticketId,
            @Valid @RequestBody Reason body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) IfMatch ifMatch) {
        return step(
                ticketId,
                new RevokeProductionUse(
                        ticketId, body.reason(), commands.performer(body.performedBy()), IfMatch.versionOf(ifMatch)));
    }

    /** A sign-off of a job whose sign-offs expire is vouched for again: it lasts a full period from now. */
    @PostMapping("/{ticketId}/recertification")
    StepResult recertify(
            @PathVariable TicketId ticketId,
            @Valid @RequestBody Reason body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) IfMatch ifMatch) {
        return step(
                ticketId,
                new RecertifyProductionUse(
                        ticketId, body.reason(), commands.performer(body.performedBy()), IfMatch.versionOf(ifMatch)));
    }

    /** The ticket and its history, with its version as {@code ETag} for a step's {@code If-Match}. */
    @GetMapping("/{ticketId}")
    ResponseEntity<TicketView> find(@PathVariable TicketId ticketId) {
        TicketView ticket = readYourWrites
                .find(TicketProjection.PROCESSING_GROUP, new FindTicketQuery(ticketId.value()), TicketView.class)
                .orElseThrow(() -> Rejection.UNKNOWN_TICKET.because("No ticket '" + ticketId + "'"));
        long version = ticket.history().get(ticket.history().size() - 1).sequence();
        return ResponseEntity.ok().eTag(IfMatch.etag(version)).body(ticket);
    }

    /** The open ticket a support ticket of the ticketing system belongs to, as {@code GET /tickets/{id}} shows it. */
    @GetMapping("/by-support-ticket")
    ResponseEntity<TicketView> findBySupportTicket(@RequestParam @NotBlank @Size(max = 200) String ref) {
        TicketId open = queries
                .query(
                        new ListTicketsQuery(
                                commands.ids(), null, null, commands.ids().prefix() + ref),
                        ResponseTypes.multipleInstancesOf(TicketSummaryView.class))
                .join()
                .stream()
                .filter(ticket -> !ticket.status().closed())
                .map(ticket -> TicketId.of(ticket.ticketId()))
                .findFirst()
                .orElseThrow(() -> Rejection.UNKNOWN_TICKET.because("No open ticket for support ticket " + ref));
        return find(open);
    }

    @GetMapping
    ResponseEntity<List<TicketSummaryView>> list(
            @RequestParam(required = false) TicketStatus status,
            @RequestParam(required = false) @Min(1) @Max(6) Integer step,
            @RequestParam(required = false) @Size(max = 200) String supportTicketRef,
            @RequestParam(defaultValue = Pages.DEFAULT_LIMIT) @Min(1) @Max(Pages.MAX_LIMIT) int limit,
            @RequestParam(required = false) TicketCursor after) {
        List<TicketSummaryView> page = queries.query(
                        new ListTicketsQuery(
                                commands.ids(),
                                status,
                                step,
                                supportTicketRef == null ? null : commands.ids().prefix() + supportTicketRef,
                                after == null ? null : after.updatedAt(),
                                after == null ? null : after.ticketId(),
                                limit),
                        ResponseTypes.multipleInstancesOf(TicketSummaryView.class))
                .join();
        return Pages.of(page, limit, TicketCursor::keyOf);
    }

    private StepResult step(TicketId ticketId, Object command) {
        TicketStatus status = commands.sendTo(Rejection.UNKNOWN_TICKET, "ticket", ticketId, command);
        return StepResult.of(ticketId, status);
    }
}

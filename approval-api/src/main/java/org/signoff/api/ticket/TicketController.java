package org.signoff.api.ticket;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.signoff.api.ids.TimeOrderedIds;
import org.signoff.api.ticket.TicketRequests.Approval;
import org.signoff.api.ticket.TicketRequests.Open;
import org.signoff.api.ticket.TicketRequests.OptionalReason;
import org.signoff.api.ticket.TicketRequests.Reading;
import org.signoff.api.ticket.TicketRequests.Reason;
import org.signoff.api.ticket.TicketRequests.Request;
import org.signoff.api.ticket.TicketRequests.RoleRequest;
import org.signoff.api.ticket.TicketRequests.RoleUpdate;
import org.signoff.api.ticket.TicketRequests.SandboxGrant;
import org.signoff.api.ticket.TicketRequests.SandboxTest;
import org.signoff.catalog.api.JobId;
import org.signoff.common.Rejection;
import org.signoff.projections.ticket.api.FindTicketQuery;
import org.signoff.projections.ticket.api.ListTicketsQuery;
import org.signoff.projections.ticket.api.TicketSummaryView;
import org.signoff.projections.ticket.api.TicketView;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.ApproveProductionUse;
import org.signoff.ticket.api.ConfirmProductionRoleUpdate;
import org.signoff.ticket.api.ConfirmReading;
import org.signoff.ticket.api.DenyProductionUse;
import org.signoff.ticket.api.GrantSandboxAccess;
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
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The six steps over HTTP: one endpoint a command, each answering where the ticket stands now. */
@RestController
@RequestMapping("/tickets")
class TicketController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    TicketController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    ResponseEntity<StepResult> open(@Valid @RequestBody Open body) {
        TicketId ticketId = TicketId.of(TimeOrderedIds.next());
        commands.sendAndWait(new StartSignOff(ticketId, JobId.of(body.jobId()), body.variant(),
                StaffId.of(body.performedBy())));
        return ResponseEntity.created(URI.create("/tickets/" + ticketId))
                .body(StepResult.of(ticketId.value(), TicketLifecycle.OPENED));
    }

    @PostMapping("/{ticketId}/readings")
    StepResult confirmReading(@PathVariable String ticketId, @Valid @RequestBody Reading body) {
        return step(ticketId, new ConfirmReading(TicketId.of(ticketId), body.documentId(), body.version(),
                StaffId.of(body.performedBy())));
    }

    @PostMapping("/{ticketId}/request")
    StepResult request(@PathVariable String ticketId, @Valid @RequestBody Request body) {
        return step(ticketId, new RequestJobAccess(TicketId.of(ticketId), body.supportTicketRef(), body.note(),
                StaffId.of(body.performedBy())));
    }

    @PostMapping("/{ticketId}/sandbox-grant")
    StepResult grantSandbox(@PathVariable String ticketId, @Valid @RequestBody SandboxGrant body) {
        return step(ticketId, new GrantSandboxAccess(TicketId.of(ticketId), body.trainingMaterials(),
                StaffId.of(body.performedBy())));
    }

    @PostMapping("/{ticketId}/sandbox-test")
    StepResult reportSandboxTest(@PathVariable String ticketId, @Valid @RequestBody SandboxTest body) {
        return step(ticketId, new ReportSandboxTest(TicketId.of(ticketId), body.jobInstanceRef(),
                body.recordsProcessed(), body.outcome(), body.notes(), StaffId.of(body.performedBy())));
    }

    @PostMapping("/{ticketId}/approval")
    StepResult approve(@PathVariable String ticketId, @Valid @RequestBody Approval body) {
        return step(ticketId, new ApproveProductionUse(TicketId.of(ticketId), body.roleUpdateNeeded(), body.comment(),
                StaffId.of(body.performedBy())));
    }

    @PostMapping("/{ticketId}/retest-request")
    StepResult requestRetest(@PathVariable String ticketId, @Valid @RequestBody Reason body) {
        return step(ticketId, new RequestRetest(TicketId.of(ticketId), body.reason(), StaffId.of(body.performedBy())));
    }

    @PostMapping("/{ticketId}/denial")
    StepResult deny(@PathVariable String ticketId, @Valid @RequestBody Reason body) {
        return step(ticketId, new DenyProductionUse(TicketId.of(ticketId), body.reason(),
                StaffId.of(body.performedBy())));
    }

    @PostMapping("/{ticketId}/role-request")
    StepResult submitRoleRequest(@PathVariable String ticketId, @Valid @RequestBody RoleRequest body) {
        return step(ticketId, new SubmitRoleRequest(TicketId.of(ticketId), body.formRef(),
                StaffId.of(body.performedBy())));
    }

    @PostMapping("/{ticketId}/role-update")
    StepResult confirmRoleUpdate(@PathVariable String ticketId, @Valid @RequestBody RoleUpdate body) {
        return step(ticketId, new ConfirmProductionRoleUpdate(TicketId.of(ticketId), body.note(),
                StaffId.of(body.performedBy())));
    }

    @PostMapping("/{ticketId}/withdrawal")
    StepResult withdraw(@PathVariable String ticketId, @Valid @RequestBody OptionalReason body) {
        return step(ticketId, new WithdrawRequest(TicketId.of(ticketId), body.reason(),
                StaffId.of(body.performedBy())));
    }

    @PostMapping("/{ticketId}/revocation")
    StepResult revoke(@PathVariable String ticketId, @Valid @RequestBody Reason body) {
        return step(ticketId, new RevokeProductionUse(TicketId.of(ticketId), body.reason(),
                StaffId.of(body.performedBy())));
    }

    @GetMapping("/{ticketId}")
    TicketView find(@PathVariable String ticketId) {
        return queries.query(new FindTicketQuery(ticketId), ResponseTypes.optionalInstanceOf(TicketView.class))
                .join()
                .orElseThrow(() -> Rejection.UNKNOWN_TICKET.because("No ticket '" + ticketId + "'"));
    }

    @GetMapping
    List<TicketSummaryView> list(@RequestParam(required = false) TicketStatus status,
                                 @RequestParam(required = false) @Min(1) @Max(6) Integer step) {
        return queries.query(new ListTicketsQuery(status, step),
                ResponseTypes.multipleInstancesOf(TicketSummaryView.class)).join();
    }

    private StepResult step(String ticketId, Object command) {
        TicketStatus status = commands.sendAndWait(command);
        return StepResult.of(ticketId, status);
    }
}

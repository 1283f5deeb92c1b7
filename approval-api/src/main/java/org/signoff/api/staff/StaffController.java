package org.signoff.api.staff;

import java.net.URI;
import java.util.List;
import java.util.Set;

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

import org.signoff.api.command.Commands;
import org.signoff.api.input.Cursor;
import org.signoff.api.input.Pages;
import org.signoff.api.readmodel.ReadYourWrites;
import org.signoff.api.staff.StaffRequests.Change;
import org.signoff.api.staff.StaffRequests.Register;
import org.signoff.catalog.api.JobId;
import org.signoff.common.Rejection;
import org.signoff.projections.masterlist.api.FetchPermissionsQuery;
import org.signoff.projections.masterlist.api.PermissionView;
import org.signoff.projections.staff.StaffProjection;
import org.signoff.projections.staff.api.AttendanceView;
import org.signoff.projections.staff.api.FindStaffQuery;
import org.signoff.projections.staff.api.ListAttendanceQuery;
import org.signoff.projections.staff.api.ListStaffQuery;
import org.signoff.projections.staff.api.StaffView;
import org.signoff.projections.ticket.api.ListTicketsQuery;
import org.signoff.projections.ticket.api.WaitingOnQuery;
import org.signoff.projections.ticket.api.WaitingView;
import org.signoff.staff.api.ChangeStaffMember;
import org.signoff.staff.api.EraseStaffMember;
import org.signoff.staff.api.RecordClassAttendance;
import org.signoff.staff.api.RegisterStaffMember;
import org.signoff.staff.api.SetAlmaPrimaryId;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.TicketId;

/** The staff directory over HTTP. */
@RestController
@RequestMapping("/staff")
class StaffController {

    private final Commands commands;
    private final QueryGateway queries;
    private final Departures departures;
    private final ReadYourWrites readYourWrites;

    StaffController(Commands commands, QueryGateway queries, Departures departures, ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.queries = queries;
        this.departures = departures;
        this.readYourWrites = readYourWrites;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Void> register(@Valid @RequestBody Register body) {
        commands.create(new RegisterStaffMember(
                commands.staff(body.staffId()),
                body.displayName(),
                body.unit(),
                body.roles(),
                body.liaisonUnits(),
                commands.performer(body.performedBy())));
        return ResponseEntity.created(URI.create("/staff/" + body.staffId())).build();
    }

    @PutMapping("/{staffId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> change(@PathVariable StaffId staffId, @Valid @RequestBody Change body) {
        commands.sendTo(
                Rejection.UNKNOWN_STAFF,
                "staff member",
                staffId,
                new ChangeStaffMember(
                        staffId,
                        body.displayName(),
                        body.unit(),
                        body.roles(),
                        body.liaisonUnits(),
                        commands.performer(body.performedBy())));
        return ResponseEntity.noContent().build();
    }

    /**
     * Sets the login the person uses in Alma, or clears it (null). Personal data: erased with the person. No two
     * people share one ({@code 409 ALMA_PRIMARY_ID_IN_USE}); the one they have again changes nothing.
     */
    @PutMapping("/{staffId}/alma-primary-id")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> setAlmaPrimaryId(
            @PathVariable StaffId staffId, @Valid @RequestBody StaffRequests.AlmaPrimaryId body) {
        commands.sendTo(
                Rejection.UNKNOWN_STAFF,
                "staff member",
                staffId,
                new SetAlmaPrimaryId(staffId, body.almaPrimaryId(), commands.performer(body.performedBy())));
        return ResponseEntity.noContent().build();
    }

    /** A trainer, facilitator or administrator records that the person attended a training class on a day. */
    @PostMapping("/{staffId}/attendance")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Void> recordAttendance(
            @PathVariable StaffId staffId, @Valid @RequestBody StaffRequests.Attendance body) {
        commands.sendTo(
                Rejection.UNKNOWN_STAFF,
                "staff member",
                staffId,
                new RecordClassAttendance(
                        staffId,
                        commands.trainingClass(body.classId()),
                        body.attendedOn(),
                        commands.performer(body.performedBy())));
        return ResponseEntity.created(URI.create("/staff/" + staffId + "/attendance"))
                .build();
    }

    /**
     * The person's training record: each class they attended, its title, the day, who recorded it; oldest first. Read
     * once the staff read model has every event stored before the read, so a class just recorded is on it.
     */
    @GetMapping("/{staffId}/attendance")
    List<AttendanceView> attendance(@PathVariable StaffId staffId) {
        readYourWrites.awaitCaughtUp(StaffProjection.PROCESSING_GROUP);
        find(staffId);
        return queries.query(
                        new ListAttendanceQuery(staffId.value()),
                        ResponseTypes.multipleInstancesOf(AttendanceView.class))
                .join();
    }

    @GetMapping
    ResponseEntity<List<StaffView>> list(
            @RequestParam(defaultValue = Pages.DEFAULT_LIMIT) @Min(1) @Max(Pages.MAX_LIMIT) int limit,
            @RequestParam(required = false) Cursor after) {
        List<StaffView> page = queries.query(
                        new ListStaffQuery(commands.ids(), after == null ? null : after.key(), limit),
                        ResponseTypes.multipleInstancesOf(StaffView.class))
                .join();
        return Pages.of(page, limit, StaffView::staffId);
    }

    @GetMapping("/{staffId}")
    StaffView find(@PathVariable StaffId staffId) {
        return readYourWrites
                .find(StaffProjection.PROCESSING_GROUP, new FindStaffQuery(staffId.value()), StaffView.class)
                .orElseThrow(() -> Rejection.UNKNOWN_STAFF.because("No staff member '" + staffId + "'"));
    }

    /**
     * The person left: they act no more, and each of their open tickets and sign-offs in force ends (the tickets it
     * ended are answered). Sent again after a failure, it finishes the job.
     */
    @PostMapping("/{staffId}/departure")
    Departed depart(@PathVariable StaffId staffId, @Valid @RequestBody StaffRequests.Departure body) {
        return new Departed(
                staffId.value(),
                departures.depart(staffId, body.reason(), commands.performer(body.performedBy())).stream()
                        .map(TicketId::value)
                        .toList());
    }

    /**
     * The person's personal data is erased, for good: their name, and the link from their pseudonym to their staff
     * id. They show as {@code erasedAs} wherever they appear from now on. Only after their departure.
     */
    @PostMapping("/{staffId}/erasure")
    Erased erase(@PathVariable StaffId staffId, @Valid @RequestBody StaffRequests.Erasure body) {
        StaffId erasedAs = commands.sendTo(
                Rejection.UNKNOWN_STAFF,
                "staff member",
                staffId,
                new EraseStaffMember(staffId, commands.performer(body.performedBy())));
        return new Erased(erasedAs.value());
    }

    /** @param erasedAs the name the person shows under from now on */
    record Erased(String erasedAs) {}

    /** @param endedTickets the tickets that ended with the departure */
    record Departed(String staffId, List<String> endedTickets) {}

    /**
     * "What may I run?": the person's sign-offs in force now (not ended, not suspended), and their tickets in
     * progress with the step each waits on, longest waiting first.
     */
    @GetMapping("/{staffId}/standing")
    Standing standing(@PathVariable StaffId staffId) {
        find(staffId);
        List<PermissionView> inForce = queries
                .query(
                        new FetchPermissionsQuery(staffId.value(), null),
                        ResponseTypes.multipleInstancesOf(PermissionView.class))
                .join()
                .stream()
                .filter(permission -> permission.until() == null)
                .filter(permission ->
                        permission.suspensions().stream().noneMatch(suspension -> suspension.until() == null))
                .toList();
        List<WaitingView> inProgress = queries.query(
                        new WaitingOnQuery(
                                staffId.value(), Set.of(), Set.of(), true, null, null, ListTicketsQuery.MAX_LIMIT),
                        ResponseTypes.multipleInstancesOf(WaitingView.class))
                .join();
        return new Standing(staffId.value(), inForce, inProgress);
    }

    /**
     * @param signOffs   the jobs (and variants) the person may run in production now, since when, approved by whom,
     *                   on which training (the classes the request rested on, with their days)
     * @param inProgress their open tickets, each with the step it waits on and who must act (a ticket still reading:
     *                   the classes to attend first)
     */
    record Standing(String staffId, List<PermissionView> signOffs, List<WaitingView> inProgress) {}

    /** When the person held permission to run jobs in production: each sign-off from approval to its end. */
    @GetMapping("/{staffId}/permissions")
    List<PermissionView> permissions(@PathVariable StaffId staffId, @RequestParam(required = false) JobId jobId) {
        find(staffId);
        return queries.query(
                        new FetchPermissionsQuery(staffId.value(), jobId == null ? null : jobId.value()),
                        ResponseTypes.multipleInstancesOf(PermissionView.class))
                .join();
    }
}

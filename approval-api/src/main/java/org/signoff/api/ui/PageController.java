package org.signoff.api.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import org.signoff.api.consortium.ConsortiumAnalytics;
import org.signoff.api.privacy.DisplayNames;
import org.signoff.api.security.Caller;
import org.signoff.api.security.Callers;
import org.signoff.api.security.PageSignIn;
import org.signoff.client.api.Operation;
import org.signoff.lookup.StaffDirectory;
import org.signoff.lookup.StaffMembership;
import org.signoff.projections.catalog.api.FindJobQuery;
import org.signoff.projections.catalog.api.JobView;
import org.signoff.projections.masterlist.api.FetchMasterListQuery;
import org.signoff.projections.masterlist.api.FetchSuspendedSignOffsQuery;
import org.signoff.projections.masterlist.api.MasterListView;
import org.signoff.projections.masterlist.api.PendingRecertificationView;
import org.signoff.projections.masterlist.api.PendingRecertificationsQuery;
import org.signoff.projections.ticket.api.FindTicketQuery;
import org.signoff.projections.ticket.api.HistoryEntryView;
import org.signoff.projections.ticket.api.JobStatisticsView;
import org.signoff.projections.ticket.api.ListTicketsQuery;
import org.signoff.projections.ticket.api.OpenWaitView;
import org.signoff.projections.ticket.api.OpenWaitsQuery;
import org.signoff.projections.ticket.api.StepStatisticsQuery;
import org.signoff.projections.ticket.api.TicketView;
import org.signoff.projections.ticket.api.WaitingOnQuery;
import org.signoff.projections.ticket.api.WaitingView;
import org.signoff.staff.api.Role;

/**
 * The dashboard's pages and the parts htmx reloads in place. Reads only: every step is taken through the API (or
 * the ticketing system). Translates the read models' views for the templates, people's ids into their names.
 */
@Hidden
@Controller
@RequestMapping("/ui")
class PageController {

    private static final Duration STATISTICS_PERIOD = Duration.ofDays(90);

    /** Who may see what waits on whom across the team. */
    private static final Set<Role> TEAM_VIEW = Set.of(Role.SYSTEMS_LIBRARIAN, Role.ADMIN, Role.AUDITOR);

    private final PageSignIn signIns;
    private final QueryGateway queries;
    private final StaffDirectory directory;
    private final PageChanges changes;
    private final DisplayNames displayNames;
    private final ConsortiumAnalytics consortiumAnalytics;

    private final Callers callers;

    PageController(
            PageSignIn signIns,
            QueryGateway queries,
            StaffDirectory directory,
            PageChanges changes,
            DisplayNames displayNames,
            ConsortiumAnalytics consortiumAnalytics,
            Callers callers) {
        this.callers = callers;
        this.consortiumAnalytics = consortiumAnalytics;
        this.signIns = signIns;
        this.queries = queries;
        this.directory = directory;
        this.changes = changes;
        this.displayNames = displayNames;
    }

    /** Every page writes times and steps the same way. */
    @ModelAttribute("format")
    PageFormat format() {
        return PageFormat.INSTANCE;
    }

    @GetMapping("/sign-in")
    String signInForm() {
        return "ui/sign-in";
    }

    /** A person's own key signs them in; the session keeps the client id (a new session: no fixation). */
    @PostMapping("/sign-in")
    String signIn(
            @RequestParam(defaultValue = "") String key,
            HttpServletRequest request,
            Model model,
            HttpServletResponse response) {
        PageSignIn.Outcome outcome = signIns.signIn(key.strip(), request);
        Optional<Authentication> caller = outcome.caller();
        if (caller.isEmpty()) {
            outcome.retryAfter()
                    .ifPresentOrElse(
                            wait -> {
                                response.setStatus(429);
                                response.setHeader("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
                                model.addAttribute("throttled", true);
                            },
                            () -> {
                                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                                model.addAttribute("refused", true);
                            });
            return "ui/sign-in";
        }
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        request.getSession(true)
                .setAttribute(
                        PageSecurity.SIGNED_IN,
                        ((Caller) caller.get().getPrincipal()).clientId().value());
        return "redirect:/ui";
    }

    @PostMapping("/sign-out")
    String signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/ui/sign-in";
    }

    @GetMapping
    String masterListPage(Authentication caller, Model model) {
        signedIn(caller, model);
        return "ui/master-list";
    }

    /**
     * The list, searched by a person's name, staff id or unit, or a job's name or scope; with the suspended
     * sign-offs of its jobs and the ones asked to be recertified marked.
     */
    @GetMapping("/master-list")
    String masterList(@RequestParam(defaultValue = "") String q, Model model) {
        Search search = Search.of(q);
        List<MasterListView.Scope> scopes = search.in(
                queries.query(FetchMasterListQuery.now(callers.ids()), ResponseTypes.instanceOf(MasterListView.class))
                        .join());
        List<MasterListView.Scope> suspended = search.in(queries.query(
                        new FetchSuspendedSignOffsQuery(callers.ids()), ResponseTypes.instanceOf(MasterListView.class))
                .join());
        Set<String> expiring = queries
                .query(
                        new PendingRecertificationsQuery(callers.ids(), null),
                        ResponseTypes.multipleInstancesOf(PendingRecertificationView.class))
                .join()
                .stream()
                .map(PendingRecertificationView::ticketId)
                .collect(Collectors.toSet());
        PageNames names = names(Stream.concat(MasterListPage.people(scopes), MasterListPage.people(suspended))
                .flatMap(listed ->
                        Stream.of(listed.person().staffId(), listed.person().approvedBy())));
        model.addAttribute("list", new MasterListPage(scopes, MasterListPage.byJob(suspended), expiring, names));
        model.addAttribute("q", q);
        return "ui/fragments :: master-list";
    }

    @GetMapping("/work-queue")
    String workQueuePage(Authentication caller, Model model) {
        signedIn(caller, model);
        return "ui/work-queue";
    }

    @GetMapping("/work-queue/items")
    String workQueue(Authentication caller, Model model) {
        Caller person = (Caller) caller.getPrincipal();
        StaffMembership membership = membership(caller);
        List<WaitingView> waiting = queries.query(
                        new WaitingOnQuery(
                                person.staffId().value(),
                                membership.roles(),
                                membership.liaisonUnits(),
                                false,
                                null,
                                null,
                                ListTicketsQuery.MAX_LIMIT),
                        ResponseTypes.multipleInstancesOf(WaitingView.class))
                .join();
        model.addAttribute("waiting", waiting);
        model.addAttribute("names", names(waiting.stream().map(WaitingView::staffId)));
        model.addAttribute("mayViewTeam", mayViewTeam(membership));
        return "ui/fragments :: work-queue";
    }

    /** What waits on whom across the team: for systems librarians, administrators and auditors. */
    @GetMapping("/team")
    String teamPage(Authentication caller, Model model, HttpServletResponse response) {
        signedIn(caller, model);
        if (!mayViewTeam(membership(caller))) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("refused", true);
        }
        return "ui/team";
    }

    @GetMapping("/team/items")
    String team(Authentication caller, Model model, HttpServletResponse response) {
        if (!mayViewTeam(membership(caller))) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("team", new TeamPage(List.of()));
            model.addAttribute("refused", true);
            return "ui/fragments :: team";
        }
        List<OpenWaitView> waits = queries.query(
                        new OpenWaitsQuery(callers.ids(), ListTicketsQuery.MAX_LIMIT),
                        ResponseTypes.multipleInstancesOf(OpenWaitView.class))
                .join();
        model.addAttribute(
                "team",
                TeamPage.of(
                        waits, names(waits.stream().map(wait -> wait.ticket().staffId())), Instant.now()));
        model.addAttribute("refused", false);
        return "ui/fragments :: team";
    }

    @GetMapping("/statistics")
    String statistics(Authentication caller, Model model) {
        signedIn(caller, model);
        Instant now = Instant.now();
        List<JobStatisticsView> jobs = queries
                .query(
                        new StepStatisticsQuery(callers.ids(), now.minus(STATISTICS_PERIOD), now, null, null),
                        ResponseTypes.multipleInstancesOf(JobStatisticsView.class))
                .join()
                .stream()
                .filter(job -> job.opened() > 0 || !job.steps().isEmpty())
                .toList();
        model.addAttribute("jobs", jobs);
        model.addAttribute(
                "longest",
                jobs.stream()
                        .flatMap(job -> job.steps().stream())
                        .map(JobStatisticsView.StepTimes::p90)
                        .max(Duration::compareTo)
                        .orElse(Duration.ofSeconds(1)));
        return "ui/statistics";
    }

    /**
     * The consortium's shared analytics, over the statistics tab's period: to whoever may read them over the API
     * ({@code consortium:read}); to a member's person the page does not exist, as the API's {@code /consortium/**}.
     */
    @GetMapping("/consortium/analytics")
    String consortiumAnalytics(Authentication caller, Model model, HttpServletResponse response) {
        signedIn(caller, model);
        if (!callers.ids().isDefault()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("absent", true);
            return "ui/consortium-analytics";
        }
        if (!mayReadConsortium(caller)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("refused", true);
            return "ui/consortium-analytics";
        }
        Instant now = Instant.now();
        model.addAttribute(
                "page", new ConsortiumAnalyticsPage(consortiumAnalytics.of(now.minus(STATISTICS_PERIOD), now)));
        return "ui/consortium-analytics";
    }

    @GetMapping("/tickets/{ticketId}")
    String ticket(@PathVariable String ticketId, Authentication caller, Model model, HttpServletResponse response) {
        signedIn(caller, model);
        boolean mayRead = caller.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals(Operation.TICKETS_READ.value())
                        || authority.getAuthority().equals(Operation.AUDIT_READ.value()));
        Optional<TicketView> ticket = mayRead
                ? queries.query(
                                new FindTicketQuery(callers.key(ticketId)),
                                ResponseTypes.optionalInstanceOf(TicketView.class))
                        .join()
                : Optional.empty();
        if (ticket.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("page", null);
            return "ui/ticket";
        }
        TicketView found = ticket.get();
        String jobName = queries.query(
                        new FindJobQuery(found.ticket().jobId()), ResponseTypes.optionalInstanceOf(JobView.class))
                .join()
                .map(JobView::name)
                .orElse(found.ticket().jobId());
        PageNames names = names(Stream.concat(
                Stream.of(found.ticket().staffId()), found.history().stream().map(HistoryEntryView::performedBy)));
        model.addAttribute("page", TicketPage.of(found, jobName, names));
        return "ui/ticket";
    }

    @GetMapping(path = "/changes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter changes() {
        return changes.subscribe(callers.current().institution());
    }

    private void signedIn(Authentication caller, Model model) {
        Caller person = (Caller) caller.getPrincipal();
        model.addAttribute(
                "me",
                names(Stream.of(person.staffId().value())).of(person.staffId().value()));
        model.addAttribute(
                "mayReadTickets",
                caller.getAuthorities().stream()
                        .anyMatch(authority -> authority.getAuthority().equals(Operation.TICKETS_READ.value())));
        model.addAttribute("mayViewTeam", mayViewTeam(membership(caller)));
        model.addAttribute("mayReadConsortium", mayReadConsortium(caller));
    }

    /** The consortium's roles, as the API counts them ({@code Callers.operationsOf}: the default institution's only). */
    private static boolean mayReadConsortium(Authentication caller) {
        return caller.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals(Operation.CONSORTIUM_READ.value()));
    }

    private StaffMembership membership(Authentication caller) {
        return directory.find(((Caller) caller.getPrincipal()).staffId()).orElseThrow();
    }

    private static boolean mayViewTeam(StaffMembership membership) {
        return membership.roles().stream().anyMatch(TEAM_VIEW::contains);
    }

    private PageNames names(Stream<String> staffIds) {
        return new PageNames(displayNames.of(staffIds.toList()));
    }
}

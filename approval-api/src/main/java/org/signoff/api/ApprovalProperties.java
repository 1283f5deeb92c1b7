package org.signoff.api;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import org.signoff.common.InstitutionCode;
import org.signoff.lookup.WaitLimits;
import org.signoff.ticket.api.TicketStatus;

/**
 * The engine's own settings, {@code approval.*}. ({@code approval.data-dir}, where the H2 file lives, is read by
 * the data source URL in {@code application.properties}.)
 *
 * @param aggregateCache keep aggregates in memory between commands instead of reading their events back each time
 * @param aggregateCacheSize how many aggregates of each type the cache keeps, the ones used last
 * @param storeLinger    on the H2 file, how long the shared store waits after the first command asks for it, so
 *                       the commands committing meanwhile are written by the same store
 * @param seed           what a new installation starts with
 * @param projections    operator actions on the read models
 * @param security       how callers get in
 * @param consortium     what the consortium's members share
 * @param maxRequestSize the largest request body taken; a larger one is refused with 413
 * @param maxImportSize  the largest file an import takes, a master list or an attendance list (its body alone)
 * @param idempotencyWindow how long an {@code Idempotency-Key} is remembered
 * @param webhooks       how notifications are delivered
 * @param deadlines      how long a ticket may wait on each step
 * @param ledger         how events are sealed into the hash chain
 * @param institution    the institution a deployment of one institution is, and every credential and event from
 *                       before institutions belongs to
 * @param members        what differs for each member institution of a consortium ({@code approval.members[n].*}):
 *                       its deadlines here, its Alma and its wiki page in their own settings
 */
@ConfigurationProperties("approval")
public record ApprovalProperties(
        @DefaultValue("true") boolean aggregateCache,
        @DefaultValue("1024") int aggregateCacheSize,
        @DefaultValue("2ms") Duration storeLinger,
        @DefaultValue Seed seed,
        @DefaultValue Projections projections,
        @DefaultValue Security security,
        @DefaultValue Consortium consortium,
        @DefaultValue("64KB") DataSize maxRequestSize,
        @DefaultValue("64MB") DataSize maxImportSize,
        @DefaultValue("PT24H") Duration idempotencyWindow,
        @DefaultValue Webhooks webhooks,
        @DefaultValue Deadlines deadlines,
        @DefaultValue Ledger ledger,
        @DefaultValue Institution institution,
        List<Member> members) {

    public ApprovalProperties {
        notNegative("approval.store-linger", storeLinger);
        atLeastOne("approval.aggregate-cache-size", aggregateCacheSize);
        positive("approval.idempotency-window", idempotencyWindow);
        members = members == null ? List.of() : List.copyOf(members);
        Set<InstitutionCode> named = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            InstitutionCode code = members.get(i).institution();
            if (code.equals(institution.defaultInstitution())) {
                throw new IllegalArgumentException("approval.members[" + i + "].code is the default institution's ("
                        + code + "): its settings are approval.deadlines, approval.alma and approval.wiki");
            }
            if (!named.add(code)) {
                throw new IllegalArgumentException("approval.members[" + i + "].code " + code + " is named twice");
            }
        }
    }

    /**
     * The settings of a member institution, if it has any. Without, its deadlines are the default institution's;
     * it has no Alma connection and no wiki page (those are never the default's).
     */
    public Optional<Member> member(InstitutionCode code) {
        return members.stream()
                .filter(member -> member.institution().equals(code))
                .findFirst();
    }

    /** A setting that counts time from now cannot point into the past: refused at start-up, naming the setting. */
    static void notNegative(String setting, Duration value) {
        if (value != null && value.isNegative()) {
            throw new IllegalArgumentException(setting + " cannot be negative, was " + value);
        }
    }

    /** A setting that is an interval or a lifetime must be longer than nothing. */
    static void positive(String setting, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException(setting + " must be longer than zero, was " + value);
        }
    }

    /** A count of attempts or tries must allow at least one. */
    static void atLeastOne(String setting, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(setting + " must be at least 1, was " + value);
        }
    }

    /**
     * @param enabled          enrol the administrator and add the missing jobs of the seed catalog at start-up
     * @param adminId          who becomes administrator while the directory has none
     * @param adminDisplayName their display name, if they are new
     * @param adminUnit        their unit, if they are new
     */
    public record Seed(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("admin") String adminId,
            @DefaultValue("Administrator") String adminDisplayName,
            @DefaultValue("LTS") String adminUnit) {}

    /** @param replay read models to rebuild from the event store at start-up, or {@code all} */
    public record Projections(@DefaultValue List<String> replay) {}

    /**
     * @param initialAdminKey the secret of the first administrator's key ({@code initial-admin.<secret>}), made while
     *                        no API client exists; left out, a random one is written to {@code initial-admin-key} in
     *                        the data directory
     * @param tokenStaffClaim  the claim of a bearer token (JWT) that holds the caller's staff id
     * @param tokenInstitutionClaim the claim that names the caller's institution (none: the default institution)
     * @param refusalRetention how long refused requests stay on record
     * @param failedAttemptLimit failed authentications a minute from one client at one address before it is
     *                           refused for a while (five times as many from one address)
     * @param failedAttemptBlock how long such a source is refused
     */
    public record Security(
            String initialAdminKey,
            @DefaultValue("sub") String tokenStaffClaim,
            @DefaultValue("institution") String tokenInstitutionClaim,
            @DefaultValue("P90D") Duration refusalRetention,
            @DefaultValue("10") int failedAttemptLimit,
            @DefaultValue("PT1M") Duration failedAttemptBlock) {

        public Security {
            positive("approval.security.refusal-retention", refusalRetention);
            positive("approval.security.failed-attempt-block", failedAttemptBlock);
            atLeastOne("approval.security.failed-attempt-limit", failedAttemptLimit);
        }
    }

    /** @param defaultCode the default institution's code ({@link InstitutionCode}) */
    public record Institution(@DefaultValue("DEFAULT") String defaultCode) {

        public Institution {
            InstitutionCode.of(defaultCode); // refused at start-up when malformed
        }

        public InstitutionCode defaultInstitution() {
            return InstitutionCode.of(defaultCode);
        }
    }

    /**
     * @param analyticsMinimumCell the fewest tickets (or waits) a figure of the shared analytics is computed from; one
     *                             from fewer is withheld, since it tells of those few tickets and their people
     */
    public record Consortium(@DefaultValue("5") int analyticsMinimumCell) {

        public Consortium {
            atLeastOne("approval.consortium.analytics-minimum-cell", analyticsMinimumCell);
        }
    }

    /**
     * @param initialBackoff the wait after a first failed delivery, doubling after each next one
     * @param maxBackoff     the longest wait between attempts
     * @param maxAttempts    attempts before a delivery is parked
     * @param timeout        to connect, and for the receiver to answer
     * @param pollInterval   how often the outbox is looked at
     * @param secretOverlap  how long a subscription's replaced secret still signs its posts after a rotation, beside
     *                       the new one, so its receiver can move over without losing a post
     */
    public record Webhooks(
            @DefaultValue("PT1S") Duration initialBackoff,
            @DefaultValue("PT1H") Duration maxBackoff,
            @DefaultValue("10") int maxAttempts,
            @DefaultValue("PT5S") Duration timeout,
            @DefaultValue("PT0.5S") Duration pollInterval,
            @DefaultValue("PT24H") Duration secretOverlap) {

        public Webhooks {
            positive("approval.webhooks.initial-backoff", initialBackoff);
            positive("approval.webhooks.max-backoff", maxBackoff);
            positive("approval.webhooks.timeout", timeout);
            positive("approval.webhooks.poll-interval", pollInterval);
            atLeastOne("approval.webhooks.max-attempts", maxAttempts);
            notNegative("approval.webhooks.secret-overlap", secretOverlap);
        }
    }

    /**
     * The deadlines of every wait on a step. A step missing from {@code steps} (and from its job's entry) has none.
     *
     * @param steps        per step (a status such as {@code AWAITING_TEST}): the reminder and the limit, counted
     *                     from when the ticket began to wait on it
     * @param jobs         per job id, steps whose deadlines differ from {@code steps}
     * @param pollInterval how often the scheduler looks for deadlines that came due
     * @param recertifyBefore how long before a sign-off lapses (a job whose sign-offs expire) its systems librarians
     *                        are asked to recertify it
     * @param reattestWithin  how long the holder of a sign-off has to confirm a new version of a required reading
     *                        of the job before the sign-off is suspended
     * @param heartbeat       how often a node firing a deadline says it is alive; after 6 missed, another fires it
     * @param passOnMargin    a step done before its reminder passes that reminder on to the next wait if it comes
     *                        due first, but not if it comes due within this margin (it may be firing already)
     */
    public record Deadlines(
            Map<TicketStatus, WaitLimits> steps,
            Map<String, Map<TicketStatus, WaitLimits>> jobs,
            @DefaultValue("PT10S") Duration pollInterval,
            @DefaultValue("P30D") Duration recertifyBefore,
            @DefaultValue("P30D") Duration reattestWithin,
            @DefaultValue("PT10S") Duration heartbeat,
            @DefaultValue("PT5M") Duration passOnMargin) {

        public Deadlines {
            positive("approval.deadlines.poll-interval", pollInterval);
            notNegative("approval.deadlines.recertify-before", recertifyBefore);
            notNegative("approval.deadlines.reattest-within", reattestWithin);
            positive("approval.deadlines.heartbeat", heartbeat);
            notNegative("approval.deadlines.pass-on-margin", passOnMargin);
            steps = steps == null ? Map.of() : Map.copyOf(steps);
            jobs = jobs == null ? Map.of() : Map.copyOf(jobs);
        }
    }

    /**
     * A member institution's own settings. Its Alma and wiki are {@code approval.members[n].alma.*} and
     * {@code approval.members[n].wiki.*}, shaped as the default institution's {@code approval.alma.*} and
     * {@code approval.wiki.*} and read by their own rooms; none set: the member has no Alma connection or wiki page.
     *
     * @param code      the member's code, as registered ({@code POST /institutions}); settings may come before it
     * @param deadlines its deadlines: what it sets replaces the default institution's, step by step
     */
    public record Member(String code, MemberDeadlines deadlines) {

        public Member {
            if (code == null || code.isBlank()) {
                throw new IllegalArgumentException("approval.members[n].code is required for each member's settings");
            }
            code = code.strip();
            if (!code.matches("[A-Z0-9][A-Z0-9_-]{0,39}")) {
                // as a member is registered (POST /institutions): a code of another shape never names one
                throw new IllegalArgumentException("approval.members[n].code must be a member's code as registered:"
                        + " upper-case letters, digits, '_' or '-', at most 40, not '" + code + "'");
            }
            deadlines = deadlines == null ? new MemberDeadlines(null, null, null, null, null) : deadlines;
        }

        public InstitutionCode institution() {
            return InstitutionCode.of(code);
        }
    }

    /**
     * A member's deadlines, each unset one the default institution's ({@link Deadlines}): {@code steps} replace the
     * default's step by step, {@code jobs} name the member's own job ids. Polling and heartbeats are the engine's.
     */
    public record MemberDeadlines(
            Map<TicketStatus, WaitLimits> steps,
            Map<String, Map<TicketStatus, WaitLimits>> jobs,
            Duration recertifyBefore,
            Duration reattestWithin,
            Duration passOnMargin) {

        public MemberDeadlines {
            notNegative("approval.members[n].deadlines.recertify-before", recertifyBefore);
            notNegative("approval.members[n].deadlines.reattest-within", reattestWithin);
            notNegative("approval.members[n].deadlines.pass-on-margin", passOnMargin);
            steps = steps == null ? Map.of() : Map.copyOf(steps);
            jobs = jobs == null ? Map.of() : Map.copyOf(jobs);
        }
    }

    /**
     * @param sealInterval how often new events are sealed
     * @param gapTimeout   how long a global index may be missing (an event still committing) before the sealer passes
     *                     it as never to be used (a transaction that rolled back)
     */
    public record Ledger(
            @DefaultValue("PT0.2S") Duration sealInterval,
            @DefaultValue("PT10S") Duration gapTimeout) {

        public Ledger {
            positive("approval.ledger.seal-interval", sealInterval);
            positive("approval.ledger.gap-timeout", gapTimeout);
        }
    }
}

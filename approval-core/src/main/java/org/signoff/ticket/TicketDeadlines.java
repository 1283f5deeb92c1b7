package org.signoff.ticket;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;

import org.axonframework.deadline.DeadlineManager;

import org.signoff.catalog.api.JobId;
import org.signoff.lookup.DeadlinePolicy;
import org.signoff.ticket.api.DeadlinesScheduled;
import org.signoff.ticket.api.ReminderIssued;
import org.signoff.ticket.api.SandboxAccessExpired;
import org.signoff.ticket.api.SignOffDeadline;
import org.signoff.ticket.api.StepDeadline;
import org.signoff.ticket.api.TicketEscalated;
import org.signoff.ticket.api.TicketEvent;
import org.signoff.ticket.api.TicketId;
import org.signoff.ticket.api.TicketLifecycle;
import org.signoff.ticket.api.TicketStatus;

/**
 * The deadlines of one {@link SignOffTicket}: the waits on its steps, their reminders and limits, and the alarms of
 * its sign-off's term. The ticket owns one and feeds it its events; its state comes from those events only.
 *
 * <p>Every wait on a step has two deadlines, from the {@link DeadlinePolicy}: a reminder, then a limit at which the
 * wait is escalated (or a Sandbox grant expires). They are set when the ticket starts waiting and recorded as an
 * event; one is scheduled at a time (the limit when the reminder goes out). A step done before its reminder passes
 * that reminder on to the next wait when it comes due no later than the next wait's own ({@link Alarm}): a ticket
 * that moves on in time then costs the scheduler one deadline, not one per step. A deadline nobody counts on any more
 * is cancelled.
 */
final class TicketDeadlines {

    static final String REMINDER = "step-reminder";
    static final String LIMIT = "step-limit";
    static final String RECERTIFICATION = "sign-off-recertification";
    static final String EXPIRY = "sign-off-expiry";
    static final String REATTESTATION = "sign-off-reattestation";

    private final SignOffTicket ticket;

    /** the deadlines of the step the ticket waits on; null when it has none */
    private Wait currentWait;

    /** the last reminder scheduled for a wait: the next wait may count on it (see {@link Alarm}) */
    private Alarm lastAlarm;

    private int waits;

    /** the scheduler and policy of the message being handled, handed over before each: not state of the ticket */
    private transient DeadlineManager scheduler;

    private transient DeadlinePolicy policy;

    TicketDeadlines(SignOffTicket ticket) {
        this.ticket = ticket;
    }

    /** The scheduler and policy this message is handled with. */
    void use(DeadlineManager scheduler, DeadlinePolicy policy) {
        this.scheduler = scheduler;
        this.policy = policy;
    }

    // --- the scheduling half of the steps

    /** A new ticket waits on its first step (its own events reach it only after its constructor). */
    void firstWait(TicketId ticketId, JobId jobId) {
        scheduleWait(ticketId, jobId, TicketLifecycle.OPENED, 1, SignOffTicket.now(), null);
    }

    /**
     * Applies a step's event; if the ticket now waits on another step, new deadlines come, and the old ones go unless
     * the new wait counts on the old reminder.
     */
    void moveOn(TicketEvent event) {
        Wait before = currentWait;
        apply(event);
        Alarm pending = null;
        if (before != null && currentWait == null) {
            if (!before.reminded()) {
                pending = before.alarm();
            } else if (!before.limitReached()) {
                scheduler.cancelSchedule(LIMIT, before.limitId());
            }
        }
        Alarm kept = null;
        TicketStatus status = ticket.status();
        if (currentWait == null && !status.closed()) {
            kept = scheduleWait(ticket.ticketId(), ticket.jobId(), status, waits + 1, SignOffTicket.now(), pending);
        }
        if (pending != null && pending != kept) {
            scheduler.cancelSchedule(REMINDER, pending.id());
        }
    }

    /** The deadlines of a period of validity; returns when recertification will be asked for. */
    Instant scheduleValidity(Instant until) {
        Instant now = SignOffTicket.now();
        Instant due = until.minus(policy.recertificationLead(ticket.jobId()));
        if (due.isBefore(now)) {
            due = now;
        }
        scheduler.schedule(due, RECERTIFICATION, new SignOffDeadline(until));
        scheduler.schedule(until, EXPIRY, new SignOffDeadline(until));
        return due;
    }

    /** When the holder must have confirmed new versions of readings by, from now. */
    Instant reattestationDueBy() {
        return SignOffTicket.now().plus(policy.reattestationPeriod(ticket.jobId()));
    }

    void scheduleReattestation(Instant dueBy) {
        scheduler.schedule(dueBy, REATTESTATION, new SignOffDeadline(dueBy));
    }

    // --- a wait's deadlines coming due

    void remind(StepDeadline due) {
        if (currentWait == null || currentWait.reminded()) {
            return;
        }
        if (!current(due)) {
            Alarm alarm = currentWait.alarm();
            if (alarm.waitNumber() != due.waitNumber()) {
                return; // stale: nobody counts on it
            }
            // an earlier wait's reminder this wait counted on: remind now if this one is due, or set its own
            if (alarm.at().isBefore(currentWait.remindAt())) {
                scheduler.schedule(currentWait.remindAt(), REMINDER, new StepDeadline(currentWait.number()));
                return;
            }
        }
        String limitId = scheduler.schedule(currentWait.limitAt(), LIMIT, new StepDeadline(currentWait.number()));
        apply(new ReminderIssued(ticket.ticketId(), ticket.status(), currentWait.since(), limitId));
    }

    void limitReached(StepDeadline due) {
        if (!current(due) || currentWait.limitReached()) {
            return;
        }
        TicketStatus status = ticket.status();
        if (status == TicketStatus.AWAITING_TEST) {
            Wait expired = currentWait;
            apply(new SandboxAccessExpired(ticket.ticketId(), expired.since()));
            // the new wait begins when the grant lapsed, whenever the scheduler got to it
            scheduleWait(ticket.ticketId(), ticket.jobId(), ticket.status(), waits + 1, expired.limitAt(), null);
        } else {
            apply(new TicketEscalated(ticket.ticketId(), status, currentWait.since()));
        }
    }

    /** A deadline of an earlier wait may still fire (cancelled as it came due); it changes nothing. */
    private boolean current(StepDeadline due) {
        return currentWait != null && currentWait.number() == due.waitNumber();
    }

    /**
     * Starts a wait on a step that has deadlines: its reminder is {@code pending}, an earlier wait's, if that comes
     * due first (and not so soon that it may be firing already), else one of its own. Returns the reminder the wait
     * counts on; null if the step has no deadlines.
     */
    private Alarm scheduleWait(
            TicketId ticketId, JobId jobId, TicketStatus waitingOn, int wait, Instant since, Alarm pending) {
        return policy.limitsFor(jobId, waitingOn)
                .map(limits -> {
                    Instant remindAt = since.plus(limits.remindAfter());
                    Instant limitAt = since.plus(limits.limitAfter());
                    Alarm alarm = pending != null
                                    && pending.serves(since.plus(policy.reminderPassOnMargin(jobId)), remindAt)
                            ? pending
                            : new Alarm(scheduler.schedule(remindAt, REMINDER, new StepDeadline(wait)), wait, remindAt);
                    apply(new DeadlinesScheduled(ticketId, waitingOn, wait, since, remindAt, limitAt, alarm.id()));
                    return alarm;
                })
                .orElse(null);
    }

    // --- state, assigned from the ticket's events only

    void on(DeadlinesScheduled event) {
        waits = event.waitNumber();
        // the same scheduler id as the last wait's reminder: this wait counts on it
        Alarm alarm = lastAlarm != null && lastAlarm.id().equals(event.reminderId())
                ? lastAlarm
                : new Alarm(event.reminderId(), event.waitNumber(), event.remindAt());
        lastAlarm = alarm;
        currentWait = new Wait(
                event.waitNumber(),
                event.waitingOn(),
                event.since(),
                event.remindAt(),
                event.limitAt(),
                alarm,
                null,
                false,
                false);
    }

    void on(ReminderIssued event) {
        if (currentWait != null) {
            currentWait = currentWait.reminded(event.limitId());
        }
    }

    void on(TicketEscalated event) {
        if (currentWait != null) {
            currentWait = currentWait.limitReached(true);
        }
    }

    /** The ticket's status is now {@code status}: a wait on another step is over. */
    void statusIs(TicketStatus status) {
        if (currentWait != null && currentWait.waitingOn() != status) {
            currentWait = null;
        }
    }

    /** The deadlines of one wait on a step, and which of them came due. */
    private record Wait(
            int number,
            TicketStatus waitingOn,
            Instant since,
            Instant remindAt,
            Instant limitAt,
            Alarm alarm,
            String limitId,
            boolean reminded,
            boolean limitReached) {

        Wait reminded(String scheduledLimitId) {
            return new Wait(number, waitingOn, since, remindAt, limitAt, alarm, scheduledLimitId, true, limitReached);
        }

        Wait limitReached(boolean value) {
            return new Wait(number, waitingOn, since, remindAt, limitAt, alarm, limitId, reminded, value);
        }
    }

    /**
     * A scheduled reminder: the scheduler's id, the wait it was set for (its {@link StepDeadline}) and when it comes
     * due. When it fires for a later wait that counted on it, it reminds if that wait is due too, or sets that wait's
     * own reminder; either way each wait is reminded once, at its own time.
     */
    private record Alarm(String id, int waitNumber, Instant at) {

        /** Whether a wait may count on this reminder for one due at {@code remindAt}: due after {@code notBefore}. */
        boolean serves(Instant notBefore, Instant remindAt) {
            return at.isAfter(notBefore) && !at.isAfter(remindAt);
        }
    }
}

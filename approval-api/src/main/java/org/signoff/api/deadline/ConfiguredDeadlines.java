package org.signoff.api.deadline;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import org.signoff.api.ApprovalProperties;
import org.signoff.catalog.api.JobId;
import org.signoff.lookup.DeadlinePolicy;
import org.signoff.lookup.WaitLimits;
import org.signoff.ticket.api.TicketStatus;

/** The deadlines of {@code approval.deadlines}: a job's own for a step if it has them, else the step's. */
@Component
class ConfiguredDeadlines implements DeadlinePolicy {

    private final ApprovalProperties.Deadlines deadlines;

    ConfiguredDeadlines(ApprovalProperties properties) {
        this.deadlines = properties.deadlines();
    }

    @Override
    public Optional<WaitLimits> limitsFor(JobId jobId, TicketStatus waitingOn) {
        WaitLimits ofJob =
                deadlines.jobs().getOrDefault(jobId.value(), Map.of()).get(waitingOn);
        return Optional.ofNullable(ofJob != null ? ofJob : deadlines.steps().get(waitingOn));
    }

    @Override
    public Duration recertificationLead() {
        return deadlines.recertifyBefore();
    }

    @Override
    public Duration reminderPassOnMargin() {
        return deadlines.passOnMargin();
    }

    @Override
    public Duration reattestationPeriod() {
        return deadlines.reattestWithin();
    }
}

package org.signoff.api.deadline;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import org.signoff.api.ApprovalProperties;
import org.signoff.api.ApprovalProperties.MemberDeadlines;
import org.signoff.catalog.api.JobId;
import org.signoff.common.InstitutionScope;
import org.signoff.lookup.DeadlinePolicy;
import org.signoff.lookup.WaitLimits;
import org.signoff.ticket.api.TicketStatus;

/**
 * The deadlines of {@code approval.deadlines}: a job's own for a step if it has them, else the step's. A member
 * institution's job follows {@code approval.members[n].deadlines} where the member set them, and the default
 * institution's where it did not (its jobs are named there by their ids in the member).
 */
@Component
class ConfiguredDeadlines implements DeadlinePolicy {

    private final ApprovalProperties properties;
    private final ApprovalProperties.Deadlines deadlines;

    ConfiguredDeadlines(ApprovalProperties properties) {
        this.properties = properties;
        this.deadlines = properties.deadlines();
    }

    @Override
    public Optional<WaitLimits> limitsFor(JobId jobId, TicketStatus waitingOn) {
        Optional<MemberDeadlines> member = memberOf(jobId);
        if (member.isPresent()) {
            String id = jobId.value()
                    .substring(InstitutionScope.prefixOf(jobId.value()).length());
            WaitLimits ofJob = member.get().jobs().getOrDefault(id, Map.of()).get(waitingOn);
            if (ofJob != null) {
                return Optional.of(ofJob);
            }
            WaitLimits ofStep = member.get().steps().get(waitingOn);
            return Optional.ofNullable(
                    ofStep != null ? ofStep : deadlines.steps().get(waitingOn));
        }
        WaitLimits ofJob =
                deadlines.jobs().getOrDefault(jobId.value(), Map.of()).get(waitingOn);
        return Optional.ofNullable(ofJob != null ? ofJob : deadlines.steps().get(waitingOn));
    }

    @Override
    public Duration recertificationLead(JobId jobId) {
        return ofInstitution(jobId, MemberDeadlines::recertifyBefore, deadlines.recertifyBefore());
    }

    @Override
    public Duration reminderPassOnMargin(JobId jobId) {
        return ofInstitution(jobId, MemberDeadlines::passOnMargin, deadlines.passOnMargin());
    }

    @Override
    public Duration reattestationPeriod(JobId jobId) {
        return ofInstitution(jobId, MemberDeadlines::reattestWithin, deadlines.reattestWithin());
    }

    private Duration ofInstitution(JobId jobId, Function<MemberDeadlines, Duration> setting, Duration ofTheDefault) {
        return memberOf(jobId).map(setting).orElse(ofTheDefault);
    }

    /** The member's own deadlines, when the job is a member's with settings of its own. */
    private Optional<MemberDeadlines> memberOf(JobId jobId) {
        return InstitutionScope.memberOf(jobId.value())
                .flatMap(properties::member)
                .map(ApprovalProperties.Member::deadlines);
    }
}

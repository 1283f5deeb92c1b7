package org.signoff.api.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import org.signoff.api.ApprovalProperties;
import org.signoff.catalog.api.JobId;
import org.signoff.ticket.api.TicketStatus;

/**
 * Each member institution's deadlines, as an operator writes them ({@code approval.members[n].deadlines.*}, bound as
 * the service binds them): what a member sets is its own, step by step, what it leaves out is the default
 * institution's, and a member's job is named by the id the member gave it.
 */
class MemberDeadlinesTest {

    private static final Map<String, String> SETTINGS = Map.ofEntries(
            Map.entry("approval.deadlines.steps.AWAITING_TEST.remind-after", "P14D"),
            Map.entry("approval.deadlines.steps.AWAITING_TEST.limit-after", "P30D"),
            Map.entry("approval.deadlines.steps.AWAITING_REVIEW.remind-after", "P3D"),
            Map.entry("approval.deadlines.steps.AWAITING_REVIEW.limit-after", "P7D"),
            Map.entry("approval.members[0].code", "01BLC_BU"),
            Map.entry("approval.members[0].deadlines.steps.AWAITING_TEST.remind-after", "P7D"),
            Map.entry("approval.members[0].deadlines.steps.AWAITING_TEST.limit-after", "P10D"),
            Map.entry("approval.members[0].deadlines.jobs.change-physical-items.AWAITING_REVIEW.remind-after", "P1D"),
            Map.entry("approval.members[0].deadlines.jobs.change-physical-items.AWAITING_REVIEW.limit-after", "P2D"),
            Map.entry("approval.members[0].deadlines.reattest-within", "P10D"),
            Map.entry("approval.members[1].code", "01BLC_BC"));

    private final ConfiguredDeadlines deadlines = new ConfiguredDeadlines(bound(SETTINGS));

    @Test
    void aMemberWaitsByItsOwnStepsAndByTheDefaultInstitutionsWhereItSetNone() {
        JobId membersJob = JobId.of("01BLC_BU/change-physical-items");
        JobId membersOtherJob = JobId.of("01BLC_BU/import-profile");

        assertThat(deadlines
                        .limitsFor(membersOtherJob, TicketStatus.AWAITING_TEST)
                        .orElseThrow()
                        .remindAfter())
                .isEqualTo(Duration.ofDays(7));
        assertThat(deadlines
                        .limitsFor(membersJob, TicketStatus.AWAITING_REVIEW)
                        .orElseThrow()
                        .limitAfter())
                .as("its own job's, named as the member names it")
                .isEqualTo(Duration.ofDays(2));
        assertThat(deadlines
                        .limitsFor(membersOtherJob, TicketStatus.AWAITING_REVIEW)
                        .orElseThrow()
                        .remindAfter())
                .as("a step it set nothing for: the default institution's")
                .isEqualTo(Duration.ofDays(3));
        assertThat(deadlines.reattestationPeriod(membersJob)).isEqualTo(Duration.ofDays(10));
        assertThat(deadlines.recertificationLead(membersJob)).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void anotherMemberAndTheDefaultInstitutionKeepTheirOwn() {
        assertThat(deadlines
                        .limitsFor(JobId.of("change-physical-items"), TicketStatus.AWAITING_TEST)
                        .orElseThrow()
                        .remindAfter())
                .isEqualTo(Duration.ofDays(14));
        assertThat(deadlines
                        .limitsFor(JobId.of("01BLC_BC/change-physical-items"), TicketStatus.AWAITING_REVIEW)
                        .orElseThrow()
                        .remindAfter())
                .as("the other member's review step is the default's, not its neighbour's job's")
                .isEqualTo(Duration.ofDays(3));
        assertThat(deadlines.reattestationPeriod(JobId.of("01BLC_BC/change-physical-items")))
                .isEqualTo(Duration.ofDays(30));
    }

    @Test
    void settingsForTheDefaultInstitutionOrTwiceForOneMemberAreRefusedAtStart() {
        assertThatThrownBy(() -> bound(Map.of("approval.members[0].code", "DEFAULT")))
                .rootCause()
                .hasMessageContaining("approval.members[0].code is the default institution's");
        assertThatThrownBy(() ->
                        bound(Map.of("approval.members[0].code", "01BLC_BU", "approval.members[1].code", "01BLC_BU")))
                .rootCause()
                .hasMessageContaining("named twice");
        assertThatThrownBy(() -> bound(Map.of("approval.members[0].code", "lower")))
                .rootCause()
                .hasMessageContaining("lower");
    }

    private static ApprovalProperties bound(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("approval", ApprovalProperties.class);
    }
}

package org.signoff.ticket.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The state table knows every event a ticket can have: a new event without a row fails here, not in production. */
class TicketLifecycleTest {

    @Test
    void everyTicketEventHasARowInTheStateTable() {
        List<Class<?>> events = Arrays.asList(TicketEvent.class.getPermittedSubclasses());
        assertThat(events).hasSizeGreaterThanOrEqualTo(12);
        for (Class<?> type : events) {
            TicketEvent event = anyInstanceOf(type);
            assertThatCode(() -> TicketLifecycle.statusAfter(TicketStatus.READING, event))
                    .as(type.getSimpleName())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void onlyAReadingTheDeadlinesOfAWaitAPeriodOfValidityARunSeenAndRolesTakenBackLeaveTheStatusAsItWas() {
        List<Class<?>> unchanging = List.of(
                ReadingConfirmed.class,
                DeadlinesScheduled.class,
                ReminderIssued.class,
                SandboxRunSeen.class,
                TicketEscalated.class,
                SignOffValidUntil.class,
                RecertificationRequested.class,
                ProductionUseRecertified.class,
                ReattestationRequired.class,
                ProductionRolesTakenBack.class);
        for (Class<?> type : TicketEvent.class.getPermittedSubclasses()) {
            assertThat(TicketLifecycle.statusSetBy(anyInstanceOf(type)).isEmpty())
                    .as(type.getSimpleName())
                    .isEqualTo(unchanging.contains(type));
        }
    }

    @Test
    void aLapsedSignOffEndsTheTicket() {
        assertThat(TicketLifecycle.statusAfter(
                        TicketStatus.COMPLETED, new ProductionUseLapsed(null, null, null, null, null)))
                .isEqualTo(TicketStatus.LAPSED);
        assertThat(TicketStatus.LAPSED.closed()).isTrue();
    }

    @Test
    void aSuspendedSignOffWaitsOnTheRequesterAndResumesWhereItWas() {
        assertThat(TicketLifecycle.statusAfter(
                        TicketStatus.AWAITING_ROLE_UPDATE, new ProductionUseSuspended(null, null, null, null, null)))
                .isEqualTo(TicketStatus.SUSPENDED);
        assertThat(TicketStatus.SUSPENDED.nextActor()).isEqualTo(NextActor.REQUESTER);
        assertThat(TicketStatus.SUSPENDED.approved()).as("off the master list").isFalse();
        assertThat(TicketStatus.SUSPENDED.holdsSlot()).isTrue();
        assertThat(TicketLifecycle.statusAfter(
                        TicketStatus.SUSPENDED,
                        new ProductionUseReinstated(null, null, null, null, TicketStatus.AWAITING_ROLE_UPDATE, null)))
                .isEqualTo(TicketStatus.AWAITING_ROLE_UPDATE);
    }

    @Test
    void anExpiredSandboxGrantWaitsForANewGrant() {
        assertThat(TicketLifecycle.statusAfter(TicketStatus.AWAITING_TEST, new SandboxAccessExpired(null, null)))
                .isEqualTo(TicketStatus.AWAITING_SANDBOX_GRANT);
    }

    @Test
    void everyOpenStatusNamesWhoMustActAndNoClosedOneDoes() {
        for (TicketStatus status : TicketStatus.values()) {
            assertThat(status.nextActor() == NextActor.NOBODY).as(status.name()).isEqualTo(status.closed());
        }
    }

    @Test
    void theEndsOtherThanCompletionGiveUpTheSlot() {
        assertThat(Arrays.stream(TicketStatus.values()).filter(status -> !status.holdsSlot()))
                .containsExactlyInAnyOrder(
                        TicketStatus.DENIED,
                        TicketStatus.WITHDRAWN,
                        TicketStatus.REVOKED,
                        TicketStatus.LAPSED,
                        TicketStatus.REQUESTER_LEFT);
        assertThat(TicketStatus.COMPLETED.holdsSlot()).isTrue();
    }

    /** An instance with default values: the table decides by type (and, for approval, one flag). */
    private static TicketEvent anyInstanceOf(Class<?> type) {
        try {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values =
                    Arrays.stream(components).map(c -> defaultOf(c.getType())).toArray();
            Class<?>[] types =
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            return (TicketEvent) type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(type + " is not a record the test can build", e);
        }
    }

    private static Object defaultOf(Class<?> type) {
        if (type == TicketStatus.class) {
            return TicketStatus.COMPLETED;
        }
        if (type == boolean.class) {
            return false;
        } else if (type == long.class) {
            return 0L;
        } else if (type == int.class) {
            return 0;
        }
        return null;
    }
}

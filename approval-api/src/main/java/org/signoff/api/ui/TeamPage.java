package org.signoff.api.ui;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.signoff.projections.ticket.api.OpenWaitView;
import org.signoff.ticket.api.NextActor;

/**
 * The team view: every open wait, who must act on it and since when. Overdue means past the wait's reminder (the
 * engine has reminded whoever must act); past its limit, it was escalated as well. The most overdue come first (by
 * when the reminder was due), then the rest by when theirs falls due, then those without one, longest waiting first.
 */
public record TeamPage(List<Row> rows) {

    /**
     * @param who       who must act: the requester by name, or the role (a unit's liaison)
     * @param overdue   past the wait's reminder
     * @param pastLimit past the wait's limit too
     */
    public record Row(OpenWaitView open, String requester, String who, boolean overdue, boolean pastLimit) {}

    private static final Comparator<Row> MOST_OVERDUE_FIRST = Comparator.comparing(
                    (Row row) -> row.open().remindAt(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(row -> row.open().ticket().waitingSince(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(row -> row.open().ticket().ticketId());

    static TeamPage of(List<OpenWaitView> waits, PageNames names, Instant now) {
        return new TeamPage(waits.stream()
                .map(wait -> new Row(
                        wait,
                        names.of(wait.ticket().staffId()),
                        who(wait, names),
                        wait.remindAt() != null && !wait.remindAt().isAfter(now),
                        wait.limitAt() != null && !wait.limitAt().isAfter(now)))
                .sorted(MOST_OVERDUE_FIRST)
                .toList());
    }

    private static String who(OpenWaitView wait, PageNames names) {
        NextActor actor = wait.ticket().waitingOn();
        return switch (actor) {
            case REQUESTER -> names.of(wait.ticket().staffId());
            case SYSTEMS_LIBRARIAN -> "Systems librarians";
            case LIAISON -> wait.unit() == null ? "The unit's liaison" : "Liaison of " + wait.unit();
            case SUPPORT_TEAM -> "Support team";
            default -> PageFormat.INSTANCE.words(actor);
        };
    }
}

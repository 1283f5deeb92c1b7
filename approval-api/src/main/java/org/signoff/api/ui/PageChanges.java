package org.signoff.api.ui;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import org.signoff.api.ledger.ChainHeads;
import org.signoff.api.readmodel.ProcessorPositions;
import org.signoff.common.InstitutionCode;
import org.signoff.projections.masterlist.MasterListProjection;
import org.signoff.projections.ticket.TicketProjection;

/**
 * Tells the open pages when the read models they show moved on with their institution's events (server-sent
 * events, {@code changed}), so they reload their parts in place: checked a few times a second, not at every event, so
 * a burst of steps is one reload. An institution's page hears of its own institution's events only, once the read
 * models have handled them (its ledger chain's head, which moves with its events alone, against the read models'
 * positions), so another member's activity can neither be seen nor timed from it. The streams end as the service begins to stop, before the web server waits for
 * open requests to finish: an open page never holds a stop for the whole grace period.
 */
@Component
class PageChanges implements SmartLifecycle {

    private static final List<String> SHOWN =
            List.of(MasterListProjection.PROCESSING_GROUP, TicketProjection.PROCESSING_GROUP);

    private final ProcessorPositions positions;
    private final ChainHeads chains;
    private final Map<SseEmitter, String> pages = new ConcurrentHashMap<>();
    /** per institution, the last of its events its pages were told of */
    private final Map<String, Long> told = new ConcurrentHashMap<>();

    private volatile boolean running;

    PageChanges(ProcessorPositions positions, ChainHeads chains) {
        this.positions = positions;
        this.chains = chains;
    }

    /** A page of the institution's, told of that institution's changes only. */
    SseEmitter subscribe(InstitutionCode institution) {
        SseEmitter page = new SseEmitter(0L); // open as long as the page is; the browser reconnects if it drops
        page.onCompletion(() -> pages.remove(page));
        page.onTimeout(() -> pages.remove(page));
        page.onError(failure -> pages.remove(page));
        pages.put(page, institution.value());
        if (!running) {
            page.complete(); // stopping: a page reconnecting meanwhile is ended at once too
        }
        return page;
    }

    @Scheduled(fixedDelayString = "${approval.page.change-check:PT0.3S}")
    void check() {
        if (pages.isEmpty()) {
            return;
        }
        long shown = shownUpTo();
        Map<String, Long> sealed = chains.sealedUpTo();
        Set<String> moved = new HashSet<>();
        for (String institution : Set.copyOf(pages.values())) {
            long last = sealed.getOrDefault(institution, 0L);
            // its newest events shown by both read models, and not told yet
            if (last <= shown && !Objects.equals(told.put(institution, last), last)) {
                moved.add(institution);
            }
        }
        pages.forEach((page, institution) -> {
            if (!moved.contains(institution)) {
                return;
            }
            try {
                // no figure: the global index would tell the whole store's volume
                page.send(SseEmitter.event().name("changed").data("changed"));
            } catch (IOException | IllegalStateException gone) {
                pages.remove(page);
            }
        });
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every open stream; the pages reconnect to whichever node serves them next. */
    @Override
    public void stop() {
        running = false;
        for (SseEmitter page : pages.keySet()) {
            page.complete();
        }
        pages.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped among the first, before the web server's graceful shutdown (a lower phase) waits for requests. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    /** The last event every shown read model has handled, on any node. */
    private long shownUpTo() {
        long least = Long.MAX_VALUE;
        for (String name : SHOWN) {
            least = Math.min(least, positions.of(name).orElse(-1));
        }
        return least;
    }
}

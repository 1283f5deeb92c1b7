package org.signoff.api.ui;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import org.signoff.api.readmodel.ProcessorPositions;
import org.signoff.projections.masterlist.MasterListProjection;
import org.signoff.projections.ticket.TicketProjection;

/**
 * Tells the open pages when the read models they show moved on (server-sent events, {@code changed}), so they
 * reload their parts in place: checked a few times a second against the read models' positions, not at every event,
 * so a burst of steps is one reload. The streams end as the service begins to stop, before the web server waits for
 * open requests to finish: an open page never holds a stop for the whole grace period.
 */
@Component
class PageChanges implements SmartLifecycle {

    private static final List<String> SHOWN =
            List.of(MasterListProjection.PROCESSING_GROUP, TicketProjection.PROCESSING_GROUP);

    private final ProcessorPositions positions;
    private final List<SseEmitter> pages = new CopyOnWriteArrayList<>();
    private volatile long seen = -1;
    private volatile boolean running;

    PageChanges(ProcessorPositions positions) {
        this.positions = positions;
    }

    SseEmitter subscribe() {
        SseEmitter page = new SseEmitter(0L); // open as long as the page is; the browser reconnects if it drops
        page.onCompletion(() -> pages.remove(page));
        page.onTimeout(() -> pages.remove(page));
        page.onError(failure -> pages.remove(page));
        pages.add(page);
        if (!running) {
            page.complete(); // stopping: a page reconnecting meanwhile is ended at once too
        }
        return page;
    }

    @Scheduled(fixedDelayString = "${approval.page.change-check:PT0.3S}")
    void check() {
        long now = positions();
        if (now == seen) {
            return;
        }
        seen = now;
        for (SseEmitter page : pages) {
            try {
                page.send(SseEmitter.event().name("changed").data(now));
            } catch (IOException | IllegalStateException gone) {
                pages.remove(page);
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every open stream; the pages reconnect to whichever node serves them next. */
    @Override
    public void stop() {
        running = false;
        for (SseEmitter page : pages) {
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

    /** The sum of the shown read models' positions: it grows whenever one of them handles an event, on any node. */
    private long positions() {
        long sum = 0;
        for (String name : SHOWN) {
            sum += positions.of(name).orElse(0);
        }
        return sum;
    }
}

package org.signoff.api.ui;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import org.signoff.projections.masterlist.MasterListProjection;
import org.signoff.projections.ticket.TicketProjection;

/**
 * Tells the open pages when the read models they show moved on (server-sent events, {@code changed}), so they
 * reload their parts in place: checked a few times a second against the read models' positions, not at every event,
 * so a burst of steps is one reload.
 */
@Component
class PageChanges {

    private static final List<String> SHOWN =
            List.of(MasterListProjection.PROCESSING_GROUP, TicketProjection.PROCESSING_GROUP);

    private final EventProcessingConfiguration processing;
    private final List<SseEmitter> pages = new CopyOnWriteArrayList<>();
    private volatile long seen = -1;

    PageChanges(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    SseEmitter subscribe() {
        SseEmitter page = new SseEmitter(0L); // open as long as the page is; the browser reconnects if it drops
        page.onCompletion(() -> pages.remove(page));
        page.onTimeout(() -> pages.remove(page));
        page.onError(failure -> pages.remove(page));
        pages.add(page);
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

    /** The sum of the shown read models' positions: it grows whenever one of them handles an event. */
    private long positions() {
        long sum = 0;
        for (String name : SHOWN) {
            if (processing.eventProcessor(name).orElse(null) instanceof StreamingEventProcessor streaming) {
                for (Map.Entry<Integer, EventTrackerStatus> segment :
                        streaming.processingStatus().entrySet()) {
                    OptionalLong position = segment.getValue().getCurrentPosition();
                    sum += position.orElse(0);
                }
            }
        }
        return sum;
    }
}

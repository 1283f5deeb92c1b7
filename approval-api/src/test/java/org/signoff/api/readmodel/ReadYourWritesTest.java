package org.signoff.api.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.CHANGE_ITEMS;
import static org.signoff.api.testkit.Scenario.accepted;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;
import org.signoff.projections.masterlist.MasterListProjection;
import org.signoff.projections.ticket.TicketProjection;

/**
 * An integration that has just been told its ticket was opened (or its campaign started) finds it when it reads it
 * back, even while the read model is a moment behind the event store: the read waits for it to catch up.
 */
class ReadYourWritesTest {

    @TempDir
    Path dataDir;

    @Test
    void aTicketJustOpenedIsFoundWhileItsReadModelIsBehindAndACampaignJustStartedToo() {
        try (RunningService service = RunningService.start(dataDir)) {
            Scenario scenario = new Scenario(service.api());
            String signedOff = scenario.ticketAwaitingReview();
            accepted(scenario.approve(signedOff, scenario.librarian, false));
            scenario.awaitOnMasterList("Items", CHANGE_ITEMS, scenario.requester, 1);
            EventProcessingConfiguration processing = service.bean(EventProcessingConfiguration.class);

            StreamingEventProcessor tickets = pause(processing, TicketProjection.PROCESSING_GROUP);
            String ticket = scenario.open(scenario.colleague, CHANGE_ITEMS);
            CompletableFuture.runAsync(tickets::start, CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS));
            Api.Response read = scenario.api.get("/tickets/" + ticket);
            assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
            assertThat(read.body().at("/ticket/ticketId").asText()).isEqualTo(ticket);

            // the campaign waits (a bounded time) for the list to include every sign-off, then asks what it lists
            StreamingEventProcessor masterList = pause(processing, MasterListProjection.PROCESSING_GROUP);
            Api.Response started = service.api().post("/recertification-campaigns", """
                            {"jobId": "%s", "reason": "after the audit", "performedBy": "admin"}""".formatted(CHANGE_ITEMS));
            assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
            CompletableFuture.runAsync(
                    masterList::start, CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS));
            Api.Response progress = service.api()
                    .get("/recertification-campaigns/"
                            + started.body().get("campaignId").asText());
            assertThat(progress.status()).as(progress.body().toString()).isEqualTo(200);
            assertThat(progress.body().at("/signOffs/0/ticketId").asText()).isEqualTo(signedOff);
        }
    }

    private static StreamingEventProcessor pause(EventProcessingConfiguration processing, String readModel) {
        StreamingEventProcessor processor = processing
                .eventProcessor(readModel, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        return processor;
    }
}

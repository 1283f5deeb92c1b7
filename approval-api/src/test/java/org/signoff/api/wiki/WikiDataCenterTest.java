package org.signoff.api.wiki;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;
import org.signoff.api.testkit.ServiceProcess;

/**
 * The whole page kept on Confluence Data Center ({@code /rest/api/content}, a personal access token read from a
 * file), by a service on PostgreSQL: a change counted before a restart is published after it, once by two nodes, and a
 * hand edit of a page that is all the engine's stops the publisher instead of being overwritten, until an
 * administrator publishes again.
 */
class WikiDataCenterTest {

    private static final String TOKEN = "NjE2MzQ0-data-center-PAT-SECRET";

    @TempDir
    Path dataDir;

    @TempDir
    Path otherDataDir;

    @TempDir
    Path secrets;

    private FakeConfluence confluence;

    @BeforeEach
    void startConfluence() {
        confluence = new FakeConfluence(false, null, TOKEN, "/confluence");
    }

    @AfterEach
    void stopConfluence() {
        confluence.shutDown();
    }

    @Test
    void aSignOffCountedBeforeARestartIsPublishedAfterItAndAHandEditThenStopsThePublisher() throws Exception {
        Path tokenFile = Files.writeString(secrets.resolve("confluence-token"), TOKEN + "\n");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            publishAcrossARestart(tokenFile, postgres.getJdbcUrl("postgres", "postgres"));
        }
    }

    private void publishAcrossARestart(Path tokenFile, String database) throws Exception {
        String[] settings = {
            "--spring.datasource.url=" + database,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres",
            "--approval.wiki.base-url=" + confluence.baseUrl() + "/confluence",
            "--approval.wiki.edition=DATA_CENTER",
            "--approval.wiki.page-id=" + FakeConfluence.PAGE_ID,
            "--approval.wiki.mode=PAGE",
            "--approval.wiki.token-file=" + tokenFile,
            "--approval.wiki.coalesce=PT6S",
            "--approval.wiki.poll-interval=PT0.1S"
        };
        Scenario scenario;
        String job = "dc-wiki-job";
        try (RunningService service = RunningService.start(dataDir, settings)) {
            scenario = new Scenario(service.api());
            assertThat(scenario.api
                            .post("/jobs", """
                            {"jobId": "%s", "performedBy": "%s", "definition": {"scope": "Data Center scope",
                             "name": "Relink items", "requiredReadings": [{"documentId": "guide", "title": "Guide",
                             "version": "1"}]}}""".formatted(job, scenario.librarian))
                            .status())
                    .isEqualTo(201);
            scenario.signedOff(job, scenario.requester);
            service.api()
                    .await(
                            "/wiki-publication",
                            body -> body.get("changes").asLong()
                                            > body.get("publishedChanges").asLong()
                                    && body.get("state").asText().equals("WAITING"));
        }
        assertThat(confluence.updates()).isEmpty();

        // back as two nodes on the one database, the other in a JVM of its own as a replica is: published once
        int otherPort = ServiceProcess.freePort();
        Process otherNode = ServiceProcess.launch(otherDataDir, otherPort, settings);
        try (RunningService service = RunningService.start(dataDir, settings)) {
            ServiceProcess.awaitHealthy(new Api(otherPort).withKey(RunningService.ADMIN_KEY), otherNode);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> confluence.body().contains("Amy Dittman (" + scenario.unit + ")"));
            Thread.sleep(1_000);
            assertThat(confluence.updates()).hasSize(1);
            JsonNode update = confluence.updates().get(0);
            assertThat(update.get("type").asText()).isEqualTo("page");
            assertThat(update.at("/body/storage/representation").asText()).isEqualTo("storage");
            assertThat(update.at("/version/number").asInt()).isEqualTo(2);
            assertThat(update.at("/version/minorEdit").asBoolean()).isTrue();
            assertThat(confluence.body())
                    .startsWith("<ac:structured-macro ac:name=\"anchor\"")
                    .doesNotContain("Hand-written intro");
            confluence
                    .server()
                    .verify(anyRequestedFor(urlPathEqualTo("/confluence/rest/api/content/" + FakeConfluence.PAGE_ID))
                            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
            service.api()
                    .await(
                            "/wiki-publication",
                            body -> body.get("state").asText().equals("UP_TO_DATE"));

            confluence.edit(body -> body + "<p>A note someone added.</p>");
            scenario.reconnect(service.api()).signedOff(job, scenario.colleague);

            JsonNode stopped = service.api()
                    .await(
                            "/wiki-publication",
                            body -> body.get("state").asText().equals("STOPPED"));
            assertThat(stopped.at("/lastFailure/code").asText()).isEqualTo("WIKI_PAGE_EDITED");
            assertThat(confluence.body())
                    .endsWith("<p>A note someone added.</p>")
                    .doesNotContain("Daryl Boone");
            assertThat(confluence.updates()).hasSize(1);

            // told, an administrator publishes again: the page is the engine's once more
            assertThat(service.api().post("/wiki-publication/publication", "{}").status())
                    .isEqualTo(202);
            service.api()
                    .await(
                            "/wiki-publication",
                            body -> body.get("state").asText().equals("UP_TO_DATE"));
            assertThat(confluence.body()).contains("Daryl Boone").doesNotContain("A note someone added.");
        } finally {
            otherNode.destroy();
            otherNode.waitFor();
        }
    }
}

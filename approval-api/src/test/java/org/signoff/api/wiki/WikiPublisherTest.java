package org.signoff.api.wiki;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import org.signoff.api.readmodel.ProcessorPositions;
import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.Members;
import org.signoff.api.testkit.PageBrowser;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/**
 * The master list kept on a Confluence Cloud page, by the real service against a fake Confluence over real HTTP
 * ({@link FakeConfluence}): a sign-off lands in the engine's section, a burst is one edit, what people wrote around
 * the section stays, lost markers stop it and say so, an outage and rate limiting are waited out, a rejected token
 * stops it, and the token is in no log line and no answer.
 */
@ExtendWith(OutputCaptureExtension.class)
class WikiPublisherTest {

    static final String USER = "publisher@example.edu";
    static final String TOKEN = "ATATT3xFfGF0-confluence-SECRET-TOKEN-0123456789";
    static final Duration COALESCE = Duration.ofSeconds(3);

    @TempDir
    static Path dataDir;

    /** A member institution with a wiki page of its own, on another Confluence. */
    static final String MEMBER = "WIKI_MEMBER";

    static final String MEMBER_TOKEN = "ATATT3xFfGF0-the-members-own-SECRET-TOKEN";

    private static FakeConfluence confluence;
    private static FakeConfluence membersConfluence;
    private static RunningService service;
    private static Api admin;
    private static int counter;

    private Scenario scenario;
    private String scope;
    private String job;

    @BeforeAll
    static void start() {
        confluence = new FakeConfluence(true, USER, TOKEN);
        membersConfluence = new FakeConfluence(true, USER, MEMBER_TOKEN);
        service = RunningService.start(
                dataDir,
                "--approval.members[0].code=" + MEMBER,
                "--approval.members[0].wiki.base-url=" + membersConfluence.baseUrl(),
                "--approval.members[0].wiki.page-id=" + FakeConfluence.PAGE_ID,
                "--approval.members[0].wiki.user=" + USER,
                "--approval.members[0].wiki.token=" + MEMBER_TOKEN,
                "--approval.members[0].wiki.coalesce=PT1S",
                "--approval.wiki.base-url=" + confluence.baseUrl(),
                "--approval.wiki.page-id=" + FakeConfluence.PAGE_ID,
                "--approval.wiki.user=" + USER,
                "--approval.wiki.token=" + TOKEN,
                "--approval.wiki.coalesce=" + COALESCE,
                "--approval.wiki.initial-backoff=PT0.3S",
                "--approval.wiki.max-backoff=PT1S",
                "--approval.wiki.read-timeout=PT2S",
                "--approval.wiki.poll-interval=PT0.1S");
        admin = service.api();
    }

    @AfterAll
    static void stop() {
        service.close();
        confluence.shutDown();
        membersConfluence.shutDown();
    }

    /** People and a job of a scope of their own, published, the page's updates forgotten: each test starts quiet. */
    @BeforeEach
    void quietPage() {
        scenario = new Scenario(admin);
        scope = "Wiki scope " + ++counter;
        job = "wiki-job-" + counter;
        assertThat(scenario.api
                        .post("/jobs", """
                        {"jobId": "%s", "performedBy": "%s", "definition": {"scope": "%s", "name": "Relink items",
                         "requiredReadings": [{"documentId": "guide", "title": "Guide", "version": "1"}]}}""".formatted(job, scenario.librarian, scope))
                        .status())
                .isEqualTo(201);
        publishNowAndAwaitUpToDate();
        confluence.forgetUpdates();
    }

    @AfterEach
    void confluenceAnswersAgain() {
        confluence.server().resetRequests();
        List.copyOf(confluence.server().getStubMappings()).stream()
                .filter(stub -> stub.getPriority() != null && stub.getPriority() < 10)
                .forEach(confluence.server()::removeStub);
    }

    @Test
    void aSignOffLandsInTheEnginesSectionAsTheNextVersionAMinorEditWithAMessage() {
        int before = confluence.version();

        scenario.signedOff(job, scenario.requester);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> confluence.body().contains(row("Relink items", "Amy Dittman (" + scenario.unit + ")")));
        assertThat(confluence.updates()).hasSize(1);
        JsonNode update = confluence.updates().get(0);
        assertThat(update.get("id").asText()).isEqualTo(FakeConfluence.PAGE_ID);
        assertThat(update.get("status").asText()).isEqualTo("current");
        assertThat(update.get("title").asText()).isEqualTo(FakeConfluence.TITLE);
        assertThat(update.at("/version/number").asInt()).isEqualTo(before + 1);
        assertThat(update.at("/version/minorEdit").asBoolean()).isTrue();
        assertThat(update.at("/version/message").asText()).isEqualTo("Master list published by the approval engine");
        assertThat(update.at("/body/representation").asText()).isEqualTo("storage");
        String section = section(confluence.body());
        assertThat(section)
                .contains("<h2>" + scope + "</h2>", row("Relink items", "Amy Dittman (" + scenario.unit + ")"));
        JsonNode status = admin.await(
                "/wiki-publication", body -> body.get("state").asText().equals("UP_TO_DATE"));
        assertThat(status.get("pageVersion").asInt()).isEqualTo(before + 1);
        assertThat(status.get("lastPublishedAt").isNull()).isFalse();
    }

    @Test
    void aBurstOfSignOffsIsOneEditOfThePage() throws InterruptedException {
        scenario.signedOff(job, scenario.requester);
        scenario.signedOff(job, scenario.colleague);
        scenario.signedOff(job, scenario.librarianWhoAsks);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> confluence.body().contains("Amy Dittman (" + scenario.unit + ")<br />Daryl Boone ("));
        Thread.sleep(COALESCE.plusSeconds(1).toMillis());
        assertThat(confluence.updates()).hasSize(1);
        assertThat(section(confluence.body())).contains("Sid Librarian (LTS)");
    }

    @Test
    void whatPeopleWroteAroundTheSectionSurvivesAndTheirEditIsNotOverwritten() {
        confluence.edit(body -> "<h1>Who may run what</h1>" + body + "<p>Questions: Lee, ext. 4021.</p>");
        int edited = confluence.version();

        scenario.signedOff(job, scenario.requester);

        await().atMost(Duration.ofSeconds(20)).until(() -> confluence.body().contains("Amy Dittman (" + scenario.unit));
        String page = confluence.body();
        assertThat(page)
                .startsWith(
                        "<h1>Who may run what</h1><p>Hand-written intro: ask your liaison before you run a job.</p>")
                .endsWith("<p>Questions: Lee, ext. 4021.</p>");
        assertThat(occurrences(page, "Questions: Lee")).isEqualTo(1);
        assertThat(occurrences(page, WikiSection.START)).isEqualTo(1);
        assertThat(confluence.version()).isEqualTo(edited + 1);
    }

    @Test
    void anEditSavedWhileTheEngineWritesIsReadAgainAndKept() {
        confluence.editBeforeNextUpdate(body -> body + "<p>Saved a moment before the engine.</p>");

        scenario.signedOff(job, scenario.requester);

        await().atMost(Duration.ofSeconds(20)).until(() -> confluence.body().contains("Amy Dittman (" + scenario.unit));
        assertThat(confluence.body()).contains("<p>Saved a moment before the engine.</p>");
        assertThat(confluence.server().getAllServeEvents())
                .filteredOn(event -> event.getResponse().getStatus() == 409)
                .hasSize(1);
    }

    @Test
    void markersRemovedStopThePublisherWhichSaysSoUntilTheyAreBack(CapturedOutput output) throws Exception {
        String kept = confluence.body();
        confluence.edit(body -> "<p>Someone rewrote the page without the engine's part.</p>");

        scenario.signedOff(job, scenario.requester);

        JsonNode status = admin.await(
                "/wiki-publication", body -> body.get("state").asText().equals("STOPPED"));
        assertThat(status.at("/lastFailure/code").asText()).isEqualTo("WIKI_MARKERS_MISSING");
        assertThat(status.at("/lastFailure/detail").asText()).contains(WikiSection.START, "publish again");
        assertThat(confluence.body()).isEqualTo("<p>Someone rewrote the page without the engine's part.</p>");
        assertThat(confluence.updates()).isEmpty();
        assertThat(output.getAll()).contains("Publishing the master list stopped (WIKI_MARKERS_MISSING)");
        assertThat(dashboardNotice()).contains("no longer kept up to date", "WIKI_MARKERS_MISSING", WikiSection.START);

        confluence.edit(body -> kept);
        publishNowAndAwaitUpToDate();

        assertThat(confluence.body()).contains("Amy Dittman (" + scenario.unit);
        assertThat(dashboardNotice()).doesNotContain("no longer kept");
    }

    @Test
    void anAdministratorPublishingAPageWithoutTheSectionHasItAddedAnewBelowWhatIsThere() {
        confluence.edit(body -> "<p>Rewritten by hand.</p>");
        scenario.signedOff(job, scenario.requester);
        admin.await("/wiki-publication", body -> body.get("state").asText().equals("STOPPED"));

        publishNowAndAwaitUpToDate();

        assertThat(confluence.body()).startsWith("<p>Rewritten by hand.</p>").contains("Amy Dittman (" + scenario.unit);
        assertThat(occurrences(confluence.body(), WikiSection.START)).isEqualTo(1);
    }

    @Test
    void confluenceDownThenRateLimitingThenUpIsWaitedOutAndTheListPublishedAfter() {
        StubMapping down = confluence
                .server()
                .stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        scenario.signedOff(job, scenario.requester);

        JsonNode retrying = admin.await(
                "/wiki-publication",
                body -> body.at("/lastFailure/code").asText().equals("CONFLUENCE_UNAVAILABLE")
                        && body.get("state").asText().equals("RETRYING"));
        assertThat(retrying.get("dueAt").isNull()).isFalse();
        confluence.server().removeStub(down);
        StubMapping failing = confluence
                .server()
                .stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse().withStatus(503)));
        admin.await("/wiki-publication", body -> body.at("/lastFailure/status").asInt() == 503);
        confluence.server().removeStub(failing);
        confluence
                .server()
                .stubFor(any(anyUrl())
                        .atPriority(1)
                        .willReturn(aResponse()
                                .withStatus(429)
                                .withHeader("Retry-After", "2")
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"message\": \"Rate limit exceeded\"}")));
        JsonNode limited = admin.await(
                "/wiki-publication",
                body -> body.at("/lastFailure/code").asText().equals("CONFLUENCE_RATE_LIMITED"));
        assertThat(confluence.body()).doesNotContain("Amy Dittman (" + scenario.unit);
        assertThat(limited.get("attempts").asInt()).isGreaterThanOrEqualTo(3);
        // Confluence's wait, not the engine's backoff (at most 1 s here)
        assertThat(Duration.between(
                        Instant.parse(limited.at("/lastFailure/at").asText()),
                        Instant.parse(limited.get("dueAt").asText())))
                .isGreaterThanOrEqualTo(Duration.ofMillis(1_900));

        confluenceAnswersAgain();

        await().atMost(Duration.ofSeconds(20)).until(() -> confluence.body().contains("Amy Dittman (" + scenario.unit));
        JsonNode published = admin.await(
                "/wiki-publication", body -> body.get("state").asText().equals("UP_TO_DATE"));
        assertThat(published.get("attempts").asInt()).isZero();
        assertThat(published.at("/lastFailure/code").asText()).isEqualTo("CONFLUENCE_RATE_LIMITED");
    }

    @Test
    void aRejectedTokenStopsThePublisherWithoutRetryingAndTheTokenIsInNoLogLineNorAnswer(CapturedOutput output)
            throws InterruptedException {
        confluence
                .server()
                .stubFor(any(anyUrl())
                        .atPriority(1)
                        .willReturn(aResponse()
                                .withStatus(401)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"code\": 401, \"message\": \"Unauthorized; scope does not match\"}")));

        scenario.signedOff(job, scenario.requester);

        JsonNode stopped = admin.await(
                "/wiki-publication", body -> body.get("state").asText().equals("STOPPED"));
        assertThat(stopped.at("/lastFailure/code").asText()).isEqualTo("CONFLUENCE_CREDENTIALS_REJECTED");
        assertThat(stopped.at("/lastFailure/status").asInt()).isEqualTo(401);
        int asked = confluence.server().findAll(anyRequestedFor(anyUrl())).size();
        Thread.sleep(1_500);
        assertThat(confluence.server().findAll(anyRequestedFor(anyUrl()))).hasSize(asked);

        confluenceAnswersAgain();
        Response now = admin.post("/wiki-publication/publication", "{}");
        assertThat(now.status()).isEqualTo(202);
        assertThat(now.location()).isEqualTo("/wiki-publication");
        await().atMost(Duration.ofSeconds(20)).until(() -> confluence.body().contains("Amy Dittman (" + scenario.unit));

        assertThat(output.getAll()).contains("CONFLUENCE_CREDENTIALS_REJECTED").doesNotContain(TOKEN);
        assertThat(admin.get("/wiki-publication").body().toString()).doesNotContain(TOKEN);
        assertThat(service.bean(WikiSettings.class).toString()).doesNotContain(TOKEN);
    }

    @Test
    void onlyAnAdministratorPublishesNow() {
        Response integration = scenario.api.post("/wiki-publication/publication", "{}");

        assertThat(integration.status()).isEqualTo(403);
        assertThat(scenario.api.get("/wiki-publication").status()).isEqualTo(403);
    }

    /** Once the publisher has counted every change stored so far: the page shows them all. */
    @Test
    void aMembersListIsPublishedToItsOwnPageAndNeverToTheDefaultInstitutions() {
        Api member = Members.register(Members.consortiumAdministrator(admin), MEMBER, "Member with a page");
        String marker = "Kept by the member only";
        Members.catalogLikeTheSeed(member, marker);
        Scenario itsPeople = new Scenario(member);
        assertThat(member.post("/jobs", """
                        {"jobId": "members-job", "performedBy": "admin", "definition": {"scope": "Member scope",
                         "name": "%s", "requiredReadings": [{"documentId": "guide", "title": "Guide", "version": "1"}]}}""".formatted(marker)).status()).isEqualTo(201);

        itsPeople.signedOff("members-job", itsPeople.requester);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> membersConfluence.body().contains(row(marker, "Amy Dittman (" + itsPeople.unit + ")")));
        JsonNode status = member.await(
                "/wiki-publication", body -> body.get("state").asText().equals("UP_TO_DATE"));
        assertThat(status.get("pageVersion").asInt()).isEqualTo(membersConfluence.version());
        assertThat(section(membersConfluence.body())).doesNotContain(scope);
        assertThat(confluence.updates())
                .as("the default institution's page is not written")
                .isEmpty();
        assertThat(confluence.body()).doesNotContain(marker);
    }

    private static void publishNowAndAwaitUpToDate() {
        ProcessorPositions positions = service.bean(ProcessorPositions.class);
        long head = positions.head();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> positions.of(WikiChanges.PROCESSING_GROUP).orElse(-1) >= head);
        assertThat(admin.post("/wiki-publication/publication", "{}").status()).isEqualTo(202);
        admin.await("/wiki-publication", body -> body.get("state").asText().equals("UP_TO_DATE"));
    }

    /** The notice above the dashboard's master list, as a signed-in browser loads it. */
    private static String dashboardNotice() throws Exception {
        String base = "http://localhost:" + service.port();
        HttpClient browser = PageBrowser.signedIn(base, RunningService.ADMIN_KEY);
        HttpResponse<String> page = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/ui")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("hx-get=\"/ui/wiki-notice\"");
        HttpResponse<String> notice = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/ui/wiki-notice")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(notice.statusCode()).isEqualTo(200);
        return notice.body();
    }

    private static String row(String job, String people) {
        return "<tr><td>" + job + "</td><td>" + people;
    }

    /** The engine's section of the page: between its anchors. */
    private static String section(String page) {
        Matcher section = Pattern.compile(
                        Pattern.quote(WikiSection.START) + "(.*)" + Pattern.quote(WikiSection.END), Pattern.DOTALL)
                .matcher(page);
        assertThat(section.find())
                .as("the page has the engine's section: %s", page)
                .isTrue();
        return section.group(1);
    }

    private static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}

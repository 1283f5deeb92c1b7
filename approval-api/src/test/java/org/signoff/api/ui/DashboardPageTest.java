package org.signoff.api.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.CHANGE_ITEMS;
import static org.signoff.api.testkit.Scenario.accepted;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Members;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;
import org.signoff.catalog.api.JobId;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.MigrationSource;
import org.signoff.ticket.api.RecordMigratedSignOff;
import org.signoff.ticket.api.TicketId;

/**
 * The dashboard in a real headless browser (Debian's chromium and chromium-driver, which {@code .ci/run} installs),
 * over a service of its own holding sign-offs in every state: open and waiting (one past its reminder), done,
 * brought in from the old list with and without a reviewer, expiring (asked to be recertified), suspended (a new
 * version of a reading not confirmed in time), and one approved by a reviewer since erased. Every tab is opened and
 * read as a person reads it; an approval through the API shows on the open page without a reload; the page fits a
 * phone's width. Screenshots are saved in {@code target/screenshots/}.
 */
class DashboardPageTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Path DATA = createDataDir();

    private static WebDriver browser;
    private static WebDriverWait wait;
    private static RunningService service;
    private static Scenario scenario;
    private static String base;
    private static String librarianKey;
    private static String staffKey;

    // the sign-offs and tickets of each state
    private static String plainJob;
    private static String expiringJob;
    private static String guidedJob;
    private static String awaitingReview;
    private static String reading;
    private static String suspended;
    private static String erasedReviewer;
    private static String olga;
    private static String eve;

    @BeforeAll
    static void openTheBrowserOnSignOffsInEveryState() throws Exception {
        assertThat(new File(CHROMIUM))
                .as("Debian's chromium (apt-get install chromium chromium-driver; .ci/run does)")
                .exists();
        service = RunningService.start(
                DATA,
                // a review waits past its reminder within a second; a sign-off valid for 10 days is asked to be
                // recertified at once; a new reading unconfirmed for 2 s suspends the sign-off
                "--approval.deadlines.steps.AWAITING_REVIEW.remind-after=PT1S",
                "--approval.deadlines.steps.AWAITING_REVIEW.limit-after=PT1H",
                "--approval.deadlines.recertify-before=P30D",
                "--approval.deadlines.reattest-within=PT2S",
                "--approval.deadlines.poll-interval=PT0.2S",
                // the consortium's page shows a member of two tickets and withholds one of one
                "--approval.consortium.analytics-minimum-cell=2");
        base = "http://localhost:" + service.port();
        scenario = new Scenario(service.api());
        librarianKey = ownKey(scenario.librarian, "master-list:read", "tickets:read");
        staffKey = ownKey(scenario.colleague, "master-list:read");
        String suffix = String.valueOf(System.nanoTime() % 100_000);
        plainJob = job("plain-" + suffix, "Withdraw items", null, "1");
        expiringJob = job("expiring-" + suffix, "Change item policies", "P10D", "1");
        guidedJob = job("guided-" + suffix, "Move items between libraries", null, "1");

        // done, by a reviewer who then leaves and is erased: shown under the name kept for them
        String julie = person("julie-" + suffix, "Julie Petzold", "[\"SYSTEMS_LIBRARIAN\"]");
        olga = person("olga-" + suffix, "Olga Ortiz", "[\"STAFF\"]");
        eve = person("eve-" + suffix, "Eve Keller", "[\"STAFF\"]");
        String olgas = scenario.open(olga, plainJob);
        accepted(scenario.confirmReading(olgas, olga, "guide"));
        accepted(scenario.request(olgas, olga));
        accepted(scenario.grantSandbox(olgas, julie));
        accepted(scenario.reportTest(olgas, olga));
        accepted(scenario.approve(olgas, julie, false));
        assertThat(scenario.admin
                        .post("/staff/" + julie + "/departure", "{\"reason\": \"moved to another library\"}")
                        .status())
                .isEqualTo(200);
        erasedReviewer = accepted(scenario.admin.post("/staff/" + julie + "/erasure", "{}"))
                .get("erasedAs")
                .asText();

        // open and waiting: on the requester (reading), on the systems librarians (review, past its reminder)
        reading = scenario.open(scenario.colleague, CHANGE_ITEMS);
        awaitingReview = scenario.open(scenario.colleague, plainJob);
        accepted(scenario.confirmReading(awaitingReview, scenario.colleague, "guide"));
        accepted(scenario.request(awaitingReview, scenario.colleague));
        accepted(scenario.grantSandbox(awaitingReview, scenario.librarian));
        accepted(scenario.api.post("/tickets/" + awaitingReview + "/sandbox-test", """
                {"jobInstanceRef": "job-4711", "recordsProcessed": 12, "outcome": "COMPLETED_WITH_ERRORS",
                 "attachments": ["https://alma.example/sandbox/jobs/4711/report"],
                 "notes": "2 items were on loan and stayed", "performedBy": "%s"}""".formatted(scenario.colleague)));

        // expiring: valid for 10 days, recertification asked 30 days before the end
        scenario.signedOff(expiringJob, eve);
        scenario.api.await("/recertifications?jobId=" + expiringJob, body -> body.size() == 1);

        // suspended: the guide's second version not confirmed within 2 s
        suspended = scenario.signedOff(guidedJob, scenario.colleague);
        assertThat(scenario.api
                        .put("/jobs/" + guidedJob, "{" + definition("Move items between libraries", null, "2"))
                        .status())
                .isEqualTo(204);
        scenario.awaitTicket(suspended, "SUSPENDED");

        // brought in from the old list, with a reviewer and without
        CommandGateway commands = service.bean(CommandGateway.class);
        commands.sendAndWait(migrated(scenario.librarianWhoAsks, scenario.librarian, 7));
        commands.sendAndWait(migrated(scenario.liaison, null, 8));
        scenario.awaitOnMasterList("Items", CHANGE_ITEMS, scenario.liaison, 1);
        scenario.awaitOnMasterList("Items", plainJob, olga, 1);
        scenario.awaitTicket(awaitingReview, "AWAITING_REVIEW");

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(CHROMEDRIVER))
                        .build(),
                options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aSignOffAppearsOnTheOpenPageWithoutAReload() throws Exception {
        browser.get(base + "/ui/sign-in");
        browser.findElement(By.id("key")).sendKeys("desk-0.not-the-secret");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        // the form posts and the refusal comes back as a new page: wait for it rather than race the navigation
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=alert]")))
                        .getText())
                .contains("does not open");
        signIn(librarianKey);
        assertThat(browser.findElement(By.cssSelector("label[for=search]")).getText())
                .isNotBlank();

        String ticket = scenario.ticketAwaitingReview();
        By amy = By.cssSelector("article[data-job='" + CHANGE_ITEMS + "'] li[data-staff='" + scenario.requester + "']");
        assertThat(browser.findElements(amy)).isEmpty();
        ((JavascriptExecutor) browser).executeScript("window.stillTheSamePage = true;");

        accepted(scenario.approve(ticket, scenario.librarian, false));

        wait.until(ExpectedConditions.presenceOfElementLocated(amy));
        assertThat(browser.findElement(amy).getText())
                .contains("Amy Dittman")
                .contains("(" + scenario.unit + ")")
                .contains("approved by Lara Librarian");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.stillTheSamePage === true;"))
                .as("no reload")
                .isEqualTo(true);

        browser.findElement(By.id("search")).sendKeys(scenario.unit);
        wait.until(driver -> driver.findElements(By.cssSelector("#list li[data-staff]")).stream()
                .allMatch(person -> person.getText().contains(scenario.unit)));
        assertThat(browser.findElements(amy)).hasSize(1);

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.get(base + "/ui");
        wait.until(ExpectedConditions.presenceOfElementLocated(amy));
        Object overflow = ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(((Number) overflow).longValue())
                .as("no sideways scrolling at phone width")
                .isLessThanOrEqualTo(0);
        screenshot("master-list-phone");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }

    @Test
    void theMasterListNamesPeopleAndMarksMigratedExpiringAndSuspendedSignOffs() throws Exception {
        signIn(librarianKey);
        WebElement sid = listed(CHANGE_ITEMS, scenario.librarianWhoAsks);
        assertThat(sid.getText())
                .contains("Sid Librarian")
                .contains("from the old list")
                .contains("approved by Lara Librarian")
                .doesNotContain("null")
                .doesNotContain(scenario.librarian);
        assertThat(listed(CHANGE_ITEMS, scenario.liaison).getText())
                .as("brought in with no reviewer on the old list")
                .contains("Lee Liaison")
                .contains("from the old list")
                .contains("since 2024-05-02")
                .doesNotContain("null")
                .doesNotContain("approved by");
        assertThat(listed(expiringJob, eve).getText())
                .contains("Eve Keller")
                .contains("expiring")
                .containsPattern("until \\d{4}-\\d{2}-\\d{2}")
                .contains("approved by Lara Librarian");
        assertThat(listed(guidedJob, scenario.colleague).getText())
                .contains("Daryl Boone")
                .contains("suspended")
                .contains("new version");
        assertThat(listed(plainJob, olga).getText())
                .as("approved by someone since erased: the name kept for them")
                .contains("Olga Ortiz")
                .contains("approved by " + erasedReviewer);
        assertThat(browser.findElement(By.id("list")).getText()).doesNotContain("null");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1400));
        screenshot("master-list");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }

    @Test
    void aTicketsPageShowsItsStepsInWordsAndTheSandboxTestReport() throws Exception {
        signIn(librarianKey);
        browser.get(base + "/ui/tickets/" + awaitingReview);
        WebElement page = wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .contains("Withdraw items")
                .contains("Daryl Boone");
        assertThat(page.getText())
                .contains("Sign-off opened")
                .contains("Reading confirmed")
                .contains("Sandbox access granted")
                .contains("Sandbox test reported")
                .contains("Lara Librarian")
                .doesNotContain("SignOffStarted")
                .doesNotContain("SandboxTestReported")
                .doesNotContain("DeadlinesScheduled");
        assertThat(browser.findElement(By.id("training")).getText())
                .as("the classes the request rested on, each with its day")
                .isEqualTo(
                        "training: Introduction to Alma / From Aleph to Alma (2026-03-04), Search & Sets (2026-03-04)");
        WebElement report = browser.findElement(By.id("report"));
        assertThat(report.getText())
                .contains("job-4711")
                .contains("12")
                .contains("completed with errors")
                .contains("2 items were on loan and stayed")
                .contains("typed by hand: Alma's Sandbox is not configured")
                .contains("Daryl Boone");
        assertThat(report.findElement(By.cssSelector("a[href='https://alma.example/sandbox/jobs/4711/report']")))
                .isNotNull();
        screenshot("ticket");

        browser.get(base + "/ui/tickets/migrated-" + scenario.liaison);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Brought in from the old master list")
                .contains("No Sandbox test on record")
                .doesNotContain("null");
    }

    @Test
    void theStatisticsTabShowsEveryStepThatFinishedAWait() throws Exception {
        signIn(librarianKey);
        browser.get(base + "/ui/statistics");
        WebElement steps = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.steps")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("The last 90 days");
        assertThat(steps.getText()).contains("awaiting review").contains("awaiting sandbox grant");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Withdraw items")
                .contains("completed");
        screenshot("statistics");
    }

    @Test
    void waitingOnMeListsWhatIsTheirsByName() throws Exception {
        signIn(librarianKey);
        browser.get(base + "/ui/work-queue");
        WebElement queue = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#queue table")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Waiting on me");
        WebElement review = queue.findElement(By.cssSelector("tr[data-ticket='" + awaitingReview + "']"));
        assertThat(review.getText())
                .contains("awaiting review")
                .contains("Daryl Boone")
                .contains("Withdraw items");
        assertThat(queue.findElements(By.cssSelector("tr[data-ticket='" + reading + "']")))
                .as("a reading waits on its requester, not on a systems librarian")
                .isEmpty();
        screenshot("work-queue");
    }

    @Test
    void theTeamViewShowsEveryOpenWaitOverdueFirstToLibrariansAndAdministrators() throws Exception {
        signIn(librarianKey);
        browser.get(base + "/ui/team");
        WebElement team = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#team table")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Waiting across the team");
        List<WebElement> rows = team.findElements(By.cssSelector("tbody tr"));
        assertThat(rows.get(0).getAttribute("data-ticket"))
                .as("the review past its reminder comes first")
                .isEqualTo(awaitingReview);
        assertThat(rows.get(0).getText())
                .contains("overdue")
                .contains("Systems librarians")
                .contains("Daryl Boone");
        WebElement readingRow = team.findElement(By.cssSelector("tr[data-ticket='" + reading + "']"));
        assertThat(readingRow.getText())
                .contains("Daryl Boone")
                .contains("reading")
                .doesNotContain("overdue");
        assertThat(team.findElement(By.cssSelector("tr[data-ticket='" + suspended + "']"))
                        .getText())
                .contains("suspended")
                .contains("Daryl Boone");
        screenshot("team");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#team table")));
        assertThat(((Number) ((JavascriptExecutor) browser)
                                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;"))
                        .longValue())
                .as("the page does not scroll sideways at phone width (the table does)")
                .isLessThanOrEqualTo(0);
        screenshot("team-phone");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));

        signIn(RunningService.ADMIN_KEY);
        browser.get(base + "/ui/work-queue");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#queue-body")));
        assertThat(browser.findElement(By.linkText("Team")).isDisplayed()).isTrue();
        browser.get(base + "/ui/team");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#team table")));
        assertThat(browser.findElements(By.cssSelector("#team tr[data-ticket='" + awaitingReview + "']")))
                .as("an administrator sees the team's waits too")
                .hasSize(1);

        signIn(staffKey);
        assertThat(browser.findElements(By.linkText("Team")))
                .as("not offered to staff")
                .isEmpty();
        browser.get(base + "/ui/team");
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")))
                        .getText())
                .contains("not open to you");
        assertThat(browser.findElements(By.cssSelector("tr[data-ticket]"))).isEmpty();
    }

    @Test
    void theConsortiumPageComparesTheSharingMembersWithoutANameToItsAnalystsOnly() throws Exception {
        String suffix = String.valueOf(System.nanoTime() % 100_000);
        Api consortium = Members.consortiumAdministrator(scenario.admin);
        String shared = "shared-" + suffix;
        assertThat(consortium.post("/shared-jobs", """
                        {"sharedJobId": "%s", "definition": {"scope": "Items", "name": "Relink items (shared)",
                         "requiredReadings": [{"documentId": "guide", "title": "Guide", "version": "1"}]}}""".formatted(shared)).status())
                .isEqualTo(201);
        // two members share their numbers: one with two sign-offs (the minimum cell here), one with one
        String busy = "DASH" + suffix + "A";
        String few = "DASH" + suffix + "B";
        Member busyMember = member(consortium, busy, shared);
        Scenario busyPeople = busyMember.people();
        Scenario fewPeople = member(consortium, few, shared).people();
        List<String> tickets = List.of(
                busyPeople.signedOff(shared, busyPeople.requester),
                busyPeople.signedOff(shared, busyPeople.colleague),
                fewPeople.signedOff(shared, fewPeople.requester));
        consortium.await(
                "/consortium/analytics",
                analytics -> analytics.toString().contains(busy)
                        && analytics.toString().contains(few)
                        && analytics.findValues("completed").stream().anyMatch(completed -> completed.asLong() == 2)
                        && analytics.findValues("signOffsInForce").stream().anyMatch(count -> count.asLong() == 2)
                        && analytics.findValues("withheld").toString().contains("signOffsInForce"));

        String analyst = person("ana-" + suffix, "Ana Analyst", "[\"CONSORTIUM_ANALYST\"]");
        signIn(ownKey(analyst, "master-list:read", "consortium:read"));
        browser.findElement(By.linkText("Consortium")).click();
        WebElement job = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("section[data-shared-job='" + shared + "']")));
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("The consortium, the whole months of the last 90 days");
        assertThat(job.findElement(By.tagName("h2")).getText()).isEqualTo("Relink items (shared)");
        assertThat(job.findElement(By.cssSelector("table.institutions tr[data-institution='" + busy + "']"))
                        .getText())
                .as("opened, completed, retests per tested ticket, sign-offs in force")
                .isEqualTo(busy + " 2 2 0.00 2");
        assertThat(job.findElement(By.cssSelector("table.institutions tr[data-institution='" + few + "']"))
                        .getText())
                .as("one ticket's figures would be that ticket's")
                .isEqualTo(few + " fewer than 2 fewer than 2 withheld fewer than 2");
        assertThat(job.findElement(By.cssSelector(
                                "table.steps tr[data-institution='" + busy + "'][data-step='AWAITING_REVIEW']"))
                        .getText())
                .startsWith("awaiting review " + busy + " 2 ")
                .doesNotContain("withheld");
        assertThat(job.findElement(By.cssSelector(
                                "table.steps tr[data-institution='" + few + "'][data-step='AWAITING_REVIEW']"))
                        .getText())
                .isEqualTo("awaiting review " + few + " fewer than 2 withheld withheld");
        String page = browser.findElement(By.tagName("main")).getText();
        for (Scenario people : List.of(busyPeople, fewPeople)) {
            assertThat(page)
                    .as("no person of a member")
                    .doesNotContain(people.requester, people.colleague, people.librarian)
                    .doesNotContain("Amy Dittman", "Daryl Boone", "Lara Librarian");
        }
        assertThat(page).as("no ticket").doesNotContain(tickets);
        screenshot("consortium-analytics");

        // staff without the consortium's roles: no link, and the page refused; a member's person: no such page
        signIn(librarianKey);
        assertThat(browser.findElements(By.linkText("Consortium"))).isEmpty();
        browser.get(base + "/ui/consortium/analytics");
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")))
                        .getText())
                .contains("not open to you")
                .doesNotContain(busy);
        assertThat(pageStatus()).isEqualTo(403);
        signIn(busyMember.administratorsKey());
        assertThat(browser.findElements(By.linkText("Consortium"))).isEmpty();
        browser.get(base + "/ui/consortium/analytics");
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")))
                        .getText())
                .isEqualTo("No such page.");
        assertThat(pageStatus()).isEqualTo(404);
    }

    private record Member(String administratorsKey, Scenario people) {}

    /** A member sharing its numbers, having adopted the shared job: its first administrator's key, its people. */
    private static Member member(Api consortium, String code, String shared) {
        Api.Response registered = consortium.post("/institutions", """
                {"code": "%s", "name": "Member %s",
                 "firstAdministrator": {"staffId": "admin", "displayName": "Its Administrator", "unit": "LTS"}}""".formatted(code, code));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        String key = registered.body().get("key").asText();
        Api admin = consortium.withKey(key);
        Members.catalogLikeTheSeed(admin, code);
        Scenario people = new Scenario(admin);
        assertThat(people.api
                        .post("/shared-jobs/" + shared + "/adoption", "{\"performedBy\": \"" + people.librarian + "\"}")
                        .status())
                .isEqualTo(201);
        assertThat(admin.put("/analytics-sharing", "{\"shares\": true}").status())
                .isEqualTo(204);
        return new Member(key, people);
    }

    /** The status the open page's address answers the signed-in browser. */
    private static int pageStatus() throws Exception {
        String cookie =
                "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue();
        return signedInGet(new URI(browser.getCurrentUrl()).getPath(), cookie, "text/html")
                .statusCode();
    }

    @Test
    void aFailureOnThePageIsAPageForABrowserAndAProblemForAnApiClient() throws Exception {
        signIn(librarianKey);
        // a read model the page reads fails (in the page's handler), then the signed-in key's lookup (before it)
        answersAPageAndAProblemWhileMissing("projection_ticket_job");
        answersAPageAndAProblemWhileMissing("lookup_api_client");
    }

    /** The statistics tab while a table it needs is away: an error page, the status kept; a problem to JSON. */
    private static void answersAPageAndAProblemWhileMissing(String table) throws Exception {
        JdbcClient database = service.bean(JdbcClient.class);
        database.sql("ALTER TABLE " + table + " RENAME TO " + table + "_away").update();
        try {
            browser.get(base + "/ui/statistics");
            WebElement page = wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Something went wrong");
            assertThat(page.getText()).doesNotContain("{").doesNotContain("Exception");
            assertThat(browser.findElement(By.linkText("Back to the master list")))
                    .isNotNull();

            String cookie = "JSESSIONID="
                    + browser.manage().getCookieNamed("JSESSIONID").getValue();
            HttpResponse<String> html =
                    signedInGet("/ui/statistics", cookie, "text/html,application/xhtml+xml,*/*;q=0.8");
            assertThat(html.statusCode()).as("the status kept").isEqualTo(500);
            assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            for (String accept : List.of("application/json", "application/problem+json")) {
                HttpResponse<String> problem = signedInGet("/ui/statistics", cookie, accept);
                assertThat(problem.statusCode()).as(table + ", " + accept).isEqualTo(500);
                assertThat(problem.headers().firstValue("Content-Type").orElseThrow())
                        .startsWith("application/problem+json");
                JsonNode body = new ObjectMapper().readTree(problem.body());
                assertThat(body.get("code").asText()).isEqualTo("INTERNAL_ERROR");
                assertThat(body.get("status").asInt()).isEqualTo(500);
            }
        } finally {
            database.sql("ALTER TABLE " + table + "_away RENAME TO " + table).update();
        }
    }

    private static HttpResponse<String> signedInGet(String path, String cookie, String accept) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .header("Cookie", cookie)
                                .header("Accept", accept)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    // --- the data

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("dashboard");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String person(String id, String name, String roles) {
        assertThat(scenario.admin.post("/staff", """
                        {"staffId": "%s", "displayName": "%s", "unit": "LTS", "roles": %s, "liaisonUnits": [],
                         "performedBy": "admin"}""".formatted(id, name, roles)).status())
                .isEqualTo(201);
        Scenario.attended(scenario.admin, id, Scenario.CHANGE_ITEMS_CLASSES);
        return id;
    }

    private static String job(String jobId, String name, String validFor, String guideVersion) {
        assertThat(scenario.api
                        .post("/jobs", "{\"jobId\": \"" + jobId + "\", " + definition(name, validFor, guideVersion))
                        .status())
                .isEqualTo(201);
        scenario.admin.await("/jobs/" + jobId, body -> body.has("jobId"));
        return jobId;
    }

    /** A job's definition and who gives it, without the opening brace. */
    private static String definition(String name, String validFor, String guideVersion) {
        return """
                "performedBy": "%s", "definition": {"scope": "Items", "name": "%s", %s
                 "requiredReadings": [{"documentId": "guide", "title": "Guide", "version": "%s"}]}}""".formatted(
                        scenario.librarian,
                        name,
                        validFor == null ? "" : "\"signOffValidFor\": \"" + validFor + "\",",
                        guideVersion);
    }

    private static RecordMigratedSignOff migrated(String person, String reviewer, int line) {
        return new RecordMigratedSignOff(
                TicketId.of("migrated-" + person),
                StaffId.of(person),
                JobId.of(CHANGE_ITEMS),
                null,
                Instant.parse("2024-05-02T00:00:00Z"),
                reviewer == null ? null : StaffId.of(reviewer),
                new MigrationSource("batch-1", "master-list.csv", line),
                StaffId.of("admin"));
    }

    /** A person's own key, with these operations. */
    private static String ownKey(String person, String... operations) {
        Api.Response response = scenario.admin.post(
                "/api-clients", """
                {"clientId": "desk-%s", "name": "A desk", "staffId": "%s", "operations": %s}""".formatted(person, person, new ObjectMapper().valueToTree(operations)));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().get("key").asText();
    }

    // --- the browser

    private static void signIn(String key) {
        browser.get(base + "/ui/sign-in");
        browser.findElement(By.id("key")).sendKeys(key);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#list h2, #list .empty")));
        wait.until(driver -> !driver.findElement(By.id("list")).getText().contains("Loading"));
    }

    /** A person as the master list shows them under a job. */
    private static WebElement listed(String jobId, String staffId) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("article[data-job='" + jobId + "'] li[data-staff='" + staffId + "']")));
    }

    private static void screenshot(String name) throws Exception {
        Path folder = Path.of("target", "screenshots");
        Files.createDirectories(folder);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}

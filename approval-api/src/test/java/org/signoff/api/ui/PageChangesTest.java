package org.signoff.api.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Members;
import org.signoff.api.testkit.PageBrowser;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/**
 * The page's live-update stream is its institution's: a member's open page is told when its own institution's steps
 * are shown, and hears nothing, not even a tick, while another institution works (issue 33: nothing of another
 * institution detected), and the default institution's pages likewise.
 */
class PageChangesTest {

    private final RunningService service = RunningService.shared();

    @Test
    void aMembersPageHearsOfItsOwnStepsAndNothingOfAnotherInstitutions() throws Exception {
        Api defaultAdmin = service.api();
        Api member = Members.register(
                Members.consortiumAdministrator(defaultAdmin),
                "PAGES" + ProcessHandle.current().pid(),
                "Member with a page open");
        Members.catalogLikeTheSeed(member, "of the member");
        Scenario itsPeople = new Scenario(member);
        Scenario defaultPeople = new Scenario(defaultAdmin);
        String job = "page-job-" + ProcessHandle.current().pid();
        for (Api admin : List.of(member, defaultAdmin)) {
            assertThat(admin.post("/jobs", """
                            {"jobId": "%s", "performedBy": "admin", "definition": {"scope": "Items",
                             "name": "Relink items", "requiredReadings": [
                               {"documentId": "guide", "title": "Guide", "version": "1"}]}}""".formatted(job)).status()).isEqualTo(201);
        }
        List<String> membersPage = listen(member.key());
        List<String> defaultsPage = listen(defaultAdmin.key());
        Thread.sleep(1500); // the first check tells each page where its institution stands: let it pass
        membersPage.clear();
        defaultsPage.clear();

        defaultPeople.signedOff(job, defaultPeople.requester);
        await().atMost(Duration.ofSeconds(10)).until(() -> !defaultsPage.isEmpty());
        Thread.sleep(1000); // three checks more, for a page that would be told of every event
        assertThat(membersPage)
                .as("the member's page while the default institution worked")
                .isEmpty();

        defaultsPage.clear();
        itsPeople.signedOff(job, itsPeople.requester);
        await().atMost(Duration.ofSeconds(10)).until(() -> !membersPage.isEmpty());
        Thread.sleep(1000);
        assertThat(defaultsPage)
                .as("the default institution's page while the member worked")
                .isEmpty();
    }

    /** A browser signed in with the key, its page's stream open: the events' data, as they come. */
    private List<String> listen(String key) throws Exception {
        HttpClient browser = PageBrowser.signedIn("http://localhost:" + service.port(), key);
        HttpResponse<java.io.InputStream> stream = browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + "/ui/changes"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        List<String> told = new CopyOnWriteArrayList<>();
        CompletableFuture.runAsync(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("data:")) {
                        told.add(line);
                    }
                }
            } catch (java.io.IOException ended) {
                // the service stopped
            }
        });
        return told;
    }
}

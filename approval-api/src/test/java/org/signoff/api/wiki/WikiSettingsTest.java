package org.signoff.api.wiki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.signoff.api.testkit.RunningService;

/** Settings that cannot publish stop the start, naming the setting; the token is never printed. */
class WikiSettingsTest {

    private static final String TOKEN = "ATATT3xFfGF0-SECRET";

    @Test
    void aPageNeedsItsNumberATokenAndOnCloudTheAccountsEmail() {
        assertThatThrownBy(() -> settings(URI.create("https://x.atlassian.net"), null, "u@x.edu", TOKEN, null))
                .hasMessageContaining("approval.wiki.page-id");
        assertThatThrownBy(() -> settings(URI.create("https://x.atlassian.net"), "12 34", "u@x.edu", TOKEN, null))
                .hasMessageContaining("approval.wiki.page-id");
        assertThatThrownBy(() -> settings(URI.create("https://x.atlassian.net"), "65868", "u@x.edu", null, null))
                .hasMessageContaining("approval.wiki.token");
        assertThatThrownBy(() -> settings(URI.create("https://x.atlassian.net"), "65868", null, TOKEN, null))
                .hasMessageContaining("approval.wiki.user");
        assertThatThrownBy(() -> settings(URI.create("ftp://x.atlassian.net"), "65868", "u@x.edu", TOKEN, null))
                .hasMessageContaining("approval.wiki.base-url");
        assertThatThrownBy(() -> settings(null, null, null, TOKEN, Path.of("/run/secrets/confluence")))
                .hasMessageContaining("approval.wiki.token and approval.wiki.token-file are both set");
    }

    @Test
    void withoutABaseUrlNothingIsPublishedAndNothingElseIsNeeded() {
        assertThat(settings(null, null, null, null, null).configured()).isFalse();
    }

    @Test
    void theTokenIsNotPrintedWithTheSettings() {
        WikiSettings settings = settings(URI.create("https://x.atlassian.net"), "65868", "u@x.edu", TOKEN, null);

        assertThat(settings.toString()).contains("65868", "(secret)").doesNotContain(TOKEN);
    }

    @Test
    void anUnreadableTokenFileStopsTheStartNamingTheFileNotItsContent() {
        WikiSettings settings = settings(
                URI.create("https://x.atlassian.net"), "65868", "u@x.edu", null, Path.of("/no/such/token-file"));

        assertThatThrownBy(() -> Confluence.of(settings))
                .hasMessageContaining("approval.wiki.token-file cannot be read: /no/such/token-file");
    }

    @Test
    void twoInstitutionsNamingOnePageStopTheStart(@TempDir Path dataDir) {
        // each would write its list over the other's
        String[] page = {"base-url=https://x.atlassian.net", "page-id=65868", "user=u@x.edu", "token=t"};
        List<String> arguments = new ArrayList<>(List.of("--approval.members[0].code=01BLC_BU"));
        for (String setting : page) {
            arguments.add("--approval.wiki." + setting);
            arguments.add("--approval.members[0].wiki." + setting);
        }
        assertThatThrownBy(() -> RunningService.start(dataDir, arguments.toArray(String[]::new)))
                .hasStackTraceContaining("The wiki settings of DEFAULT and 01BLC_BU name one page");
    }

    private static WikiSettings settings(URI baseUrl, String pageId, String user, String token, Path tokenFile) {
        return new WikiSettings(
                baseUrl,
                WikiSettings.Edition.CLOUD,
                pageId,
                WikiSettings.Mode.SECTION,
                user,
                token,
                tokenFile,
                Duration.ofMinutes(5),
                "Master list published by the approval engine",
                Duration.ofSeconds(30),
                Duration.ofMinutes(30),
                Duration.ofSeconds(5),
                Duration.ofSeconds(20),
                Duration.ofSeconds(1));
    }
}

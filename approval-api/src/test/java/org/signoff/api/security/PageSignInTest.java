package org.signoff.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.signoff.api.testkit.RunningService;

/**
 * The page's sign-in form is held to the API's rules on guessing: an address that keeps failing is refused for a
 * while (429, Retry-After) before any key it sends is looked at, and a form without its CSRF token is refused.
 */
class PageSignInTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @TempDir
    Path dataDir;

    @Test
    void anAddressThatKeepsGuessingIsRefusedForAWhile() throws Exception {
        try (RunningService service = RunningService.start(dataDir, "--approval.security.failed-attempt-limit=2")) {
            String base = "http://localhost:" + service.port();
            HttpClient browser =
                    HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String form = browser.send(
                            HttpRequest.newBuilder(URI.create(base + "/ui/sign-in"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher token = CSRF.matcher(form);
            assertThat(token.find()).as("the form carries a CSRF token").isTrue();

            assertThat(signIn(browser, base, "initial-admin.wrong", null).statusCode())
                    .as("without the form's token")
                    .isEqualTo(403);
            int status = 0;
            int attempts = 0;
            while (status != 429 && attempts < 30) {
                status = signIn(browser, base, "initial-admin.wrong-" + attempts, token.group(1))
                        .statusCode();
                attempts++;
                assertThat(status).isIn(401, 429);
            }
            assertThat(status).as("refused after %d wrong keys", attempts).isEqualTo(429);
            assertThat(attempts).isEqualTo(11); // 2 a minute per client, 5 times that for an address
            assertThat(signIn(browser, base, RunningService.ADMIN_KEY, token.group(1))
                            .statusCode())
                    .as("even the right key, for a while")
                    .isEqualTo(429);
        }
    }

    private static HttpResponse<String> signIn(HttpClient browser, String base, String key, String csrf)
            throws Exception {
        String body = "key=" + URLEncoder.encode(key, StandardCharsets.UTF_8)
                + (csrf == null ? "" : "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        return browser.send(
                HttpRequest.newBuilder(URI.create(base + "/ui/sign-in"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

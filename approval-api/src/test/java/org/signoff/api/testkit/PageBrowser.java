package org.signoff.api.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without a window: an HTTP client with a cookie jar, signed in to the dashboard's pages with a key as a
 * person types it into the sign-in form (its CSRF token included), for tests that read pages or their streams.
 */
public final class PageBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private PageBrowser() {}

    /** Signed in at {@code base} (the service's address) with {@code key}. */
    public static HttpClient signedIn(String base, String key) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        Matcher token = CSRF.matcher(browser.send(
                        HttpRequest.newBuilder(URI.create(base + "/ui/sign-in")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        assertThat(token.find()).as("the sign-in form's CSRF token").isTrue();
        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/ui/sign-in"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "key=" + URLEncoder.encode(key, StandardCharsets.UTF_8) + "&_csrf="
                                        + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        return browser;
    }
}

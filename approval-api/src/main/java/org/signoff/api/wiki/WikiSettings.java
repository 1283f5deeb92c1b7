package org.signoff.api.wiki;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The Confluence page the master list is published to, {@code approval.wiki.*}. Without a {@code base-url} nothing is
 * published (the changes are still counted, so a publisher configured later knows the list moved).
 *
 * @param baseUrl        Confluence: a Cloud site ({@code https://example.atlassian.net}) or a Data Center base URL
 *                       with its context path ({@code https://wiki.example.edu/confluence})
 * @param edition        which REST API the page is written through: {@code CLOUD} (v2 pages) or
 *                       {@code DATA_CENTER} ({@code /rest/api/content})
 * @param pageId         the page's id (the number in its address)
 * @param mode           {@code SECTION}: the engine's part of the page, between its markers; {@code PAGE}: the
 *                       whole body
 * @param user           for Basic authentication: the Atlassian account's e-mail on Cloud (required there); none on
 *                       Data Center sends the token as a personal access token ({@code Bearer})
 * @param token          the API token or personal access token (a secret)
 * @param tokenFile      or a file holding it, e.g. a mounted secret
 * @param coalesce       how long the list may go on changing after its first unpublished change before it is
 *                       published: a burst inside it is one edit of the page, and the page is written at most once
 *                       in this time
 * @param message        the version's comment on the page's history
 * @param initialBackoff the wait after the first failed attempt, doubling after each further one
 * @param maxBackoff     the longest wait between attempts
 * @param connectTimeout how long to wait for Confluence to take the connection
 * @param readTimeout    how long to wait for its answer
 * @param pollInterval   how often a node looks whether a publication is due
 */
@ConfigurationProperties("approval.wiki")
public record WikiSettings(
        URI baseUrl,
        @DefaultValue("CLOUD") Edition edition,
        String pageId,
        @DefaultValue("SECTION") Mode mode,
        String user,
        String token,
        Path tokenFile,
        @DefaultValue("PT5M") Duration coalesce,

        @DefaultValue("Master list published by the approval engine")
        String message,

        @DefaultValue("PT30S") Duration initialBackoff,
        @DefaultValue("PT30M") Duration maxBackoff,
        @DefaultValue("PT5S") Duration connectTimeout,
        @DefaultValue("PT20S") Duration readTimeout,
        @DefaultValue("PT1S") Duration pollInterval) {

    static final String PREFIX = "approval.wiki";

    /** No page: a member institution whose settings name none. */
    static final WikiSettings NONE =
            new Binder(new MapConfigurationPropertySource()).bindOrCreate(PREFIX, WikiSettings.class);

    /** The REST API a Confluence offers for page content. */
    public enum Edition {
        /** Confluence Cloud: {@code /wiki/api/v2/pages/{id}}; its v1 content endpoints are being removed (410). */
        CLOUD,
        /** Confluence Data Center (and Server): {@code /rest/api/content/{id}}. */
        DATA_CENTER
    }

    /** How much of the page is the engine's. */
    public enum Mode {
        SECTION,
        PAGE
    }

    public WikiSettings {
        positive("coalesce", coalesce);
        positive("initial-backoff", initialBackoff);
        positive("max-backoff", maxBackoff);
        positive("connect-timeout", connectTimeout);
        positive("read-timeout", readTimeout);
        positive("poll-interval", pollInterval);
        boolean hasToken = token != null && !token.isBlank();
        if (hasToken && tokenFile != null) {
            throw new IllegalArgumentException(PREFIX + ".token and " + PREFIX + ".token-file are both set; set one");
        }
        if (message == null || message.isBlank() || message.length() > 255) {
            throw new IllegalArgumentException(PREFIX + ".message must be 1 to 255 characters");
        }
        if (baseUrl != null) {
            if (!"https".equals(baseUrl.getScheme()) && !"http".equals(baseUrl.getScheme())
                    || baseUrl.getHost() == null) {
                throw new IllegalArgumentException(
                        PREFIX + ".base-url must be an http(s) address such as https://example.atlassian.net");
            }
            if (pageId == null || !pageId.matches("[0-9]{1,20}")) {
                throw new IllegalArgumentException(PREFIX + ".page-id must be the page's number when " + PREFIX
                        + ".base-url is set, was " + pageId);
            }
            if (!hasToken && tokenFile == null) {
                throw new IllegalArgumentException(
                        PREFIX + ".base-url is set without " + PREFIX + ".token or " + PREFIX + ".token-file");
            }
            if (edition == Edition.CLOUD && (user == null || user.isBlank())) {
                throw new IllegalArgumentException(
                        PREFIX + ".user (the account's e-mail) is needed with Confluence Cloud's API tokens");
            }
        }
    }

    public boolean configured() {
        return baseUrl != null;
    }

    private static void positive(String setting, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(PREFIX + "." + setting + " must be longer than zero, was " + value);
        }
    }

    /** Everything but the token, which a printed setting must never show. */
    @Override
    public String toString() {
        return "WikiSettings[baseUrl=" + baseUrl + ", edition=" + edition + ", pageId=" + pageId + ", mode=" + mode
                + ", user=" + user + ", token=" + (token == null ? "none" : "(secret)") + ", tokenFile=" + tokenFile
                + ", coalesce=" + coalesce + "]";
    }
}

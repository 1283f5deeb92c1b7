package org.signoff.api.wiki;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.signoff.api.ApprovalProperties;
import org.signoff.api.MemberSettings;
import org.signoff.api.institution.Institutions;
import org.signoff.api.masterlist.MasterListExports;
import org.signoff.api.readmodel.ReadYourWrites;
import org.signoff.api.wiki.ConfluenceFailure.Kind;
import org.signoff.common.InstitutionCode;
import org.signoff.common.InstitutionScope;
import org.signoff.projections.masterlist.MasterListProjection;
import org.signoff.projections.masterlist.api.FetchMasterListQuery;
import org.signoff.projections.masterlist.api.MasterListView;

/**
 * Publishes each institution's master list to its Confluence page when it is due (the default institution's page is
 * {@code approval.wiki.*}, a member's {@code approval.members[n].wiki.*}, each with its own state): a burst of changes settled ({@code coalesce}) or
 * an administrator's request. One node at a time (a lease on the row): it reads the list once the read model has
 * caught up, reads the page, puts the list into the engine's section (or the whole page) and writes the next
 * version if anything changed. Confluence down, rate limiting or a concurrent edit are retried with backoff; a page
 * that lost its markers, was edited by hand in {@code PAGE} mode, or a rejected token stops it until an
 * administrator publishes again, and the log and {@code GET /wiki-publication} say why.
 */
@Component
class WikiPublisher {

    private static final Logger log = LoggerFactory.getLogger(WikiPublisher.class);

    /** Reads and writes in a row when Confluence answers a write with 409: someone saved in between. */
    private static final int CONFLICTS_RIDDEN_OUT = 3;

    private final WikiSettings defaultSettings;
    private final Map<InstitutionCode, WikiSettings> memberSettings;
    private final WikiPublications publications;
    private final ReadYourWrites readYourWrites;
    private final QueryGateway queries;
    private final Institutions institutions;
    private final Map<InstitutionCode, Confluence> pages = new LinkedHashMap<>();
    private final Clock clock = Clock.systemUTC();

    WikiPublisher(
            WikiSettings settings,
            WikiPublications publications,
            ReadYourWrites readYourWrites,
            QueryGateway queries,
            Institutions institutions,
            ApprovalProperties properties,
            Environment environment) {
        this.defaultSettings = settings;
        this.memberSettings = MemberSettings.of(environment, properties, "wiki", WikiSettings.class);
        this.publications = publications;
        this.readYourWrites = readYourWrites;
        this.queries = queries;
        this.institutions = institutions;
        if (settings.configured()) {
            pages.put(institutions.defaultScope().code(), Confluence.of(settings));
        }
        Map<String, InstitutionCode> pageOwners = new LinkedHashMap<>();
        if (settings.configured()) {
            pageOwners.put(
                    settings.baseUrl() + "#" + settings.pageId(),
                    institutions.defaultScope().code());
        }
        memberSettings.forEach((code, its) -> {
            if (!its.configured()) {
                return;
            }
            InstitutionCode other = pageOwners.putIfAbsent(its.baseUrl() + "#" + its.pageId(), code);
            if (other != null) {
                // one page for two institutions: each would write its list over the other's
                throw new IllegalArgumentException("The wiki settings of " + other + " and " + code
                        + " name one page (" + its.baseUrl() + ", page " + its.pageId()
                        + "): give each institution a page of its own");
            }
            pages.put(code, Confluence.of(its));
        });
    }

    /** The institution's page settings: its own, or none configured. */
    WikiSettings settingsOf(InstitutionScope institution) {
        return institution.isDefault()
                ? defaultSettings
                : memberSettings.getOrDefault(institution.code(), WikiSettings.NONE);
    }

    /** Whether the institution has a page the engine keeps. */
    boolean publishes(InstitutionScope institution) {
        return pages.containsKey(institution.code());
    }

    @Scheduled(fixedDelayString = "${approval.wiki.poll-interval:PT1S}")
    void publishDue() {
        pages.forEach((code, page) -> {
            InstitutionScope institution = institutions.scopeOf(code);
            try {
                if (institution.isDefault() || institutions.member(code).isPresent()) {
                    publishDue(institution, page);
                }
            } catch (RuntimeException failed) { // one institution's page never holds up the others'
                log.warn("Publishing {}'s master list failed: {}", code, failed.toString());
            }
        });
    }

    private void publishDue(InstitutionScope institution, Confluence page) {
        WikiSettings settings = settingsOf(institution);
        int row = publications.of(institution);
        Instant now = clock.instant();
        WikiPublications.State state = publications.read(row);
        if (!state.due(now, settings.coalesce())) {
            return;
        }
        // long enough for every call's timeouts, so that no other node starts while this one may still write
        Duration lease = settings.connectTimeout()
                .plus(settings.readTimeout())
                .multipliedBy(2L * (CONFLICTS_RIDDEN_OUT + 1))
                .plusSeconds(10);
        if (!publications.lease(row, now, now.plus(lease))) {
            return;
        }
        try {
            new Publication(institution, settings, row).publish(page, publications.read(row), clock.instant());
        } finally {
            publications.release(row);
        }
    }

    /** One publication of one institution's page. */
    private final class Publication {

        private final InstitutionScope within;
        private final WikiSettings settings;
        private final int row;

        Publication(InstitutionScope within, WikiSettings settings, int row) {
            this.within = within;
            this.settings = settings;
            this.row = row;
        }

        private void publish(Confluence page, WikiPublications.State state, Instant started) {
            long changesRead = state.changes();
            // the list as of every event stored before now, so the page is never behind the change that asked for it;
            // a read model still behind after the wait is read at the next poll, and nothing is counted as published
            if (!readYourWrites.awaitCaughtUp(MasterListProjection.PROCESSING_GROUP)) {
                log.info("The master list's read model is behind the event store; the wiki page waits for it");
                return;
            }
            MasterListView list = queries.query(
                            FetchMasterListQuery.now(within), ResponseTypes.instanceOf(MasterListView.class))
                    .join();
            String content = MasterListExports.storage(list);
            for (int conflict = 0; ; conflict++) {
                try {
                    int version = write(page, state, content);
                    publications.published(row, changesRead, started, clock.instant(), settings.pageId(), version);
                    return;
                } catch (ConfluenceFailure failure) {
                    if (failure.kind() == Kind.CONFLUENCE_VERSION_CONFLICT && conflict < CONFLICTS_RIDDEN_OUT) {
                        log.info(
                                "The wiki page {} changed while the engine wrote it; reading it again",
                                settings.pageId());
                        continue;
                    }
                    failed(failure, started, state.attempts() + 1);
                    return;
                }
            }
        }

        /** Reads the page, writes it if the list changed it: the page's version now. */
        private int write(Confluence page, WikiPublications.State state, String content) {
            ConfluencePage current = page.read();
            boolean wrote = state.wrote(settings.pageId());
            boolean editedSince = wrote && current.version() != state.pageVersion();
            String body;
            if (settings.mode() == WikiSettings.Mode.PAGE) {
                // an administrator publishing now, having been told of the edit, overwrites it: no longer silently
                if (editedSince && !state.publishRequested()) {
                    throw new ConfluenceFailure(
                            Kind.WIKI_PAGE_EDITED,
                            null,
                            "The wiki page " + settings.pageId() + " was edited since the engine wrote version "
                                    + state.pageVersion() + " (it is at version " + current.version()
                                    + "); the whole page is the engine's (approval.wiki.mode=PAGE), so nothing was "
                                    + "written: move the edit elsewhere (or use approval.wiki.mode=SECTION), then publish "
                                    + "again, which overwrites the page");
                }
                body = WikiSection.whole(content);
            } else {
                Optional<String> replaced = WikiSection.replace(current.body(), content);
                // told the section is gone, an administrator publishing now has it added anew; half of it is never
                // guessed
                boolean addAnew = state.publishRequested() && WikiSection.unmarked(current.body());
                if (replaced.isEmpty() && wrote && !addAnew) {
                    throw new ConfluenceFailure(
                            Kind.WIKI_MARKERS_MISSING,
                            null,
                            "The wiki page " + settings.pageId() + " no longer has the engine's section (the anchors "
                                    + WikiSection.START + " and " + WikiSection.END + ", version " + current.version()
                                    + "); nothing was written: put them back around the list, or remove both to have the section added "
                                    + "anew at the end, then publish again");
                }
                // the first publication to a page adds the section at its end, below what people wrote there
                body = replaced.orElseGet(() -> current.body() + WikiSection.whole(content));
            }
            if (editedSince) {
                log.info(
                        "The wiki page {} was edited by hand since the engine's version {} (now {}); the part outside "
                                + "the engine's section is kept",
                        settings.pageId(),
                        state.pageVersion(),
                        current.version());
            }
            if (WikiSection.same(body, current.body())) {
                return current.version();
            }
            int version = page.write(current, body);
            log.info("Published the master list to the wiki page {} as version {}", settings.pageId(), version);
            return version;
        }

        private void failed(ConfluenceFailure failure, Instant started, int attempts) {
            Instant now = clock.instant();
            if (!failure.kind().retried) {
                log.warn("Publishing the master list stopped ({}): {}", failure.kind(), failure.getMessage());
                publications.failed(row, failure, started, now, null);
                return;
            }
            Duration wait = failure.retryAfter() != null ? failure.retryAfter() : backoff(attempts);
            log.warn(
                    "Publishing the master list failed ({}), attempt {}; trying again in {} s: {}",
                    failure.kind(),
                    attempts,
                    wait.toSeconds(),
                    failure.getMessage());
            publications.failed(row, failure, started, now, now.plus(wait));
        }

        /** The wait after the n-th failed attempt: doubling from the initial one up to the maximum. */
        private Duration backoff(int attempts) {
            Duration wait = settings.initialBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
            return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
        }
    }

    /** Where the institution's publication stands, for its administrator. */
    WikiPublicationView status(InstitutionScope institution) {
        WikiSettings settings = settingsOf(institution);
        WikiPublications.State state = settings.configured() || institution.isDefault()
                ? publications.read(publications.of(institution))
                : WikiPublications.State.NEVER;
        return WikiPublicationView.of(settings, state, clock.instant());
    }

    /** Publishes the institution's page as soon as a node looks, a stop lifted; the answer says where it stands. */
    WikiPublicationView publishNow(InstitutionScope institution) {
        if (!publishes(institution)) {
            throw new WikiNotConfigured();
        }
        publications.requestNow(publications.of(institution), clock.instant());
        return status(institution);
    }
}

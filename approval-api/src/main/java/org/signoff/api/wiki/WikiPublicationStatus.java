package org.signoff.api.wiki;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * What the dashboard says of the wiki page: nothing while the engine keeps it, and why not once it has stopped (the
 * markers gone, the page edited in whole-page mode, the token rejected), so that people know the page is behind.
 */
@Component
public class WikiPublicationStatus {

    private final WikiSettings settings;
    private final WikiPublications publications;

    WikiPublicationStatus(WikiSettings settings, WikiPublications publications) {
        this.settings = settings;
        this.publications = publications;
    }

    /** Why the engine no longer keeps the page, when it has stopped; empty otherwise (or when none is configured). */
    public Optional<String> stoppedBecause() {
        if (!settings.configured()) {
            return Optional.empty();
        }
        WikiPublications.State state = publications.read();
        if (!state.stopped() || state.publishRequested()) {
            return Optional.empty();
        }
        return Optional.of(state.lastFailureCode() + ": " + state.lastFailureDetail());
    }
}

package org.signoff.api.wiki;

import java.util.Optional;

import org.springframework.stereotype.Component;

import org.signoff.common.InstitutionScope;

/**
 * What the dashboard says of the wiki page: nothing while the engine keeps it, and why not once it has stopped (the
 * markers gone, the page edited in whole-page mode, the token rejected), so that people know the page is behind.
 */
@Component
public class WikiPublicationStatus {

    private final WikiPublisher publisher;
    private final WikiPublications publications;

    WikiPublicationStatus(WikiPublisher publisher, WikiPublications publications) {
        this.publisher = publisher;
        this.publications = publications;
    }

    /**
     * Why the engine no longer keeps the institution's page, when it has stopped; empty otherwise (or when it has
     * none).
     */
    public Optional<String> stoppedBecause(InstitutionScope institution) {
        if (!publisher.publishes(institution)) {
            return Optional.empty();
        }
        WikiPublications.State state = publications.read(publications.of(institution));
        if (!state.stopped() || state.publishRequested()) {
            return Optional.empty();
        }
        return Optional.of(state.lastFailureCode() + ": " + state.lastFailureDetail());
    }
}

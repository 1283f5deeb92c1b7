package org.signoff.api.wiki;

import java.util.Map;

import org.springframework.http.HttpStatus;

import org.signoff.api.problem.ProblemException;

/** Publishing now was asked of a service that has no wiki page configured ({@code approval.wiki.base-url}). */
class WikiNotConfigured extends ProblemException {

    WikiNotConfigured() {
        super(
                HttpStatus.CONFLICT,
                "WIKI_NOT_CONFIGURED",
                "No wiki page is configured (approval.wiki.base-url, page-id and token): there is nowhere to publish",
                Map.of());
    }
}

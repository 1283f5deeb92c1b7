package org.signoff.api.wiki;

import java.net.URI;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.signoff.api.command.Commands;
import org.signoff.api.input.Identifier;

/** The master list's publication to the wiki, for an administrator: where it stands, and publishing now. */
@RestController
@RequestMapping("/wiki-publication")
class WikiPublicationController {

    private final WikiPublisher publisher;
    private final Commands commands;

    WikiPublicationController(WikiPublisher publisher, Commands commands) {
        this.publisher = publisher;
        this.commands = commands;
    }

    /** When it last published, what failed last, and whether it waits, retries or has stopped. */
    @GetMapping
    WikiPublicationView status() {
        return publisher.status(commands.ids());
    }

    /**
     * Publishes at the next poll, whatever the coalescing window or the backoff says, and lifts a stop (markers put
     * back, a new token): 202, follow {@code Location}. 409 {@code WIKI_NOT_CONFIGURED} without a page.
     */
    @PostMapping("/publication")
    ResponseEntity<WikiPublicationView> publishNow(@Valid @RequestBody(required = false) Publish body) {
        commands.administrator(body == null ? null : body.performedBy(), "publishes the master list to the wiki");
        return ResponseEntity.accepted()
                .location(URI.create("/wiki-publication"))
                .body(publisher.publishNow(commands.ids()));
    }

    /** @param performedBy the administrator, for an integration's key; a person's own key names them */
    record Publish(@Identifier String performedBy) {}
}

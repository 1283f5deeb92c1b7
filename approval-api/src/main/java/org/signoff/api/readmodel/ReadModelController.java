package org.signoff.api.readmodel;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.signoff.api.command.Commands;
import org.signoff.api.input.Identifier;

/** The read models for an administrator: where each stands, and rebuilding one without downtime. */
@RestController
@RequestMapping("/read-models")
class ReadModelController {

    private final ReadModelRebuilds rebuilds;
    private final Commands commands;

    ReadModelController(ReadModelRebuilds rebuilds, Commands commands) {
        this.rebuilds = rebuilds;
        this.commands = commands;
    }

    @GetMapping
    List<ReadModelRebuilds.ReadModelView> list() {
        return rebuilds.list();
    }

    /** Starts a rebuild and answers at once (202), with where to follow it. */
    @PostMapping("/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<ReadModelRebuilds.RebuildView> rebuild(
            @PathVariable @Size(max = 200) String name, @Valid @RequestBody(required = false) Start body) {
        ReadModelRebuilds.RebuildView started = rebuilds.start(
                name, commands.administrator(body == null ? null : body.performedBy(), "rebuilds a read model"));
        return ResponseEntity.accepted()
                .location(URI.create("/read-models/" + name))
                .body(started);
    }

    /** Where the read model stands, and its latest rebuild on this node (to follow one). */
    @GetMapping("/{name}")
    ReadModelRebuilds.ReadModelView find(@PathVariable @Size(max = 200) String name) {
        return rebuilds.find(name);
    }

    /** @param performedBy the administrator, for an integration's key; a person's own key names them */
    record Start(@Identifier String performedBy) {}
}

package org.signoff.api.catalog;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.signoff.api.catalog.JobRequests.TrainingClassBody;
import org.signoff.api.command.Commands;
import org.signoff.api.readmodel.ReadYourWrites;
import org.signoff.catalog.api.RegisterTrainingClass;
import org.signoff.projections.catalog.CatalogProjection;
import org.signoff.projections.catalog.api.ListTrainingClassesQuery;
import org.signoff.projections.catalog.api.TrainingClassView;

/** The training classes of the catalog over HTTP, under the catalog's rules. */
@RestController
@RequestMapping("/training-classes")
class TrainingClassController {

    private final Commands commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    TrainingClassController(Commands commands, QueryGateway queries, ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Void> register(@Valid @RequestBody TrainingClassBody body) {
        commands.create(new RegisterTrainingClass(
                commands.trainingClass(body.classId()),
                body.title(),
                body.functionalArea(),
                Boolean.TRUE.equals(body.requiredOfEveryJob()),
                commands.performer(body.performedBy())));
        return ResponseEntity.created(URI.create("/training-classes")).build();
    }

    @GetMapping
    List<TrainingClassView> list() {
        readYourWrites.awaitCaughtUp(CatalogProjection.PROCESSING_GROUP);
        return queries.query(
                        new ListTrainingClassesQuery(commands.ids()),
                        ResponseTypes.multipleInstancesOf(TrainingClassView.class))
                .join();
    }
}

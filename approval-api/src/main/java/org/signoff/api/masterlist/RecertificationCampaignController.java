package org.signoff.api.masterlist;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
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
import org.signoff.api.input.PlainText;
import org.signoff.api.input.SingleLine;
import org.signoff.api.readmodel.ReadYourWrites;
import org.signoff.common.Rejection;
import org.signoff.projections.masterlist.MasterListProjection;
import org.signoff.projections.masterlist.api.FindRecertificationCampaignQuery;
import org.signoff.projections.masterlist.api.RecertificationCampaignView;

/** Recertification campaigns on demand, for a job or a scope, and their progress. */
@RestController
@RequestMapping("/recertification-campaigns")
class RecertificationCampaignController {

    private final RecertificationCampaigns campaigns;
    private final Commands commands;
    private final ReadYourWrites readYourWrites;

    RecertificationCampaignController(
            RecertificationCampaigns campaigns, Commands commands, ReadYourWrites readYourWrites) {
        this.campaigns = campaigns;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
    }

    /** Asks for every sign-off in force on the job (or on every job of the scope) to be recertified or revoked. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<RecertificationCampaigns.Started> start(@Valid @RequestBody Start body) {
        RecertificationCampaigns.Started started =
                campaigns.start(body.jobId(), body.scope(), body.reason(), commands.performer(body.performedBy()));
        return ResponseEntity.created(URI.create("/recertification-campaigns/" + started.campaignId()))
                .body(started);
    }

    @GetMapping("/{campaignId}")
    RecertificationCampaignView progress(@PathVariable @Size(max = 200) String campaignId) {
        return readYourWrites
                .find(
                        MasterListProjection.PROCESSING_GROUP,
                        new FindRecertificationCampaignQuery(commands.ids().key(campaignId)),
                        RecertificationCampaignView.class)
                .orElseThrow(() -> Rejection.UNKNOWN_CAMPAIGN.because("No campaign '" + campaignId + "'"));
    }

    /** @param jobId the job, or {@code scope} for every job of a scope: one of the two */
    record Start(
            @Identifier String jobId,
            @Size(max = 200) @SingleLine String scope,
            @NotBlank @Size(max = 4000) @PlainText String reason,
            @Identifier String performedBy) {

        @AssertTrue(message = "name a jobId or a scope, not both")
        boolean isOneOfJobOrScope() {
            return (jobId == null) != (scope == null);
        }
    }
}

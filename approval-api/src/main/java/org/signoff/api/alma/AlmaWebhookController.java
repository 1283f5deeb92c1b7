package org.signoff.api.alma;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.signoff.common.InstitutionScope;

/**
 * The listener of Alma's webhook integration profiles. Alma calls it, not an API client: it is authenticated by
 * the profile's signature alone, which also says whose Alma sent it (each institution's profile has its own
 * secret, so one listener URL serves every institution), and answers 404 while no secret is configured.
 */
@RestController
@RequestMapping(AlmaWebhookController.PATH)
class AlmaWebhookController {

    /** The "Webhook listener URL" of the profile is this path on the engine's address. */
    static final String PATH = "/alma/webhook";

    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    private static final Logger log = LoggerFactory.getLogger(AlmaWebhookController.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AlmaConnections alma;
    private final AlmaNotifications notifications;

    AlmaWebhookController(AlmaConnections alma, AlmaNotifications notifications) {
        this.alma = alma;
        this.notifications = notifications;
    }

    /** What Alma answers to a notification. */
    record Taken(String notificationId, boolean taken) {}

    @Operation(
            summary = "Alma's handshake: the challenge echoed",
            description = "Alma sends it when the integration profile is saved; called by Alma, not by a client.")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "The challenge, as {\"challenge\": \"…\"}")
    @ApiResponse(
            responseCode = "404",
            description = "No secret configured: ALMA_WEBHOOK_NOT_CONFIGURED",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @GetMapping
    Map<String, String> challenge(@RequestParam String challenge) {
        configured();
        return Map.of("challenge", challenge);
    }

    @Operation(
            summary = "An Alma webhook notification, signed in X-Exl-Signature",
            description = "Called by Alma, not by a client: X-Exl-Signature is the base64 of HMAC-SHA256 of the body"
                    + " with the profile's secret (else 401 ALMA_SIGNATURE_REJECTED). Each notification id is taken"
                    + " once (taken false for a retry); JOB_END is passed on, other actions are taken and ignored;"
                    + " a signed body that is not a notification is 400 ALMA_NOTIFICATION_UNREADABLE; without a"
                    + " secret configured, 404 ALMA_WEBHOOK_NOT_CONFIGURED.")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "Taken now, or taken before (a retry): nothing more is done")
    @ApiResponse(
            responseCode = "400",
            description = "Signed, but no notification: ALMA_NOTIFICATION_UNREADABLE",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(
            responseCode = "401",
            description = "No X-Exl-Signature, or not the body's: ALMA_SIGNATURE_REJECTED",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(
            responseCode = "404",
            description = "No secret configured: ALMA_WEBHOOK_NOT_CONFIGURED",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(
            responseCode = "413",
            description = "A body over the size limit: PAYLOAD_TOO_LARGE",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            mediaType = "application/json",
                            schema =
                                    @Schema(
                                            type = "object",
                                            description = "Alma's notification: id, action, time, event; for JOB_END"
                                                    + " its job_instance")))
    @PostMapping
    Taken notification(
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "X-Exl-Signature", required = false) String presented) {
        configured();
        byte[] bytes = body == null ? new byte[0] : body;
        InstitutionScope sender = alma.signer(bytes, presented).orElseThrow(() -> {
            log.warn("An Alma webhook post was refused: {} signature", presented == null ? "no" : "a wrong");
            return new AlmaSignatureRejected(presented != null);
        });
        AlmaNotification notification = AlmaNotification.read(json(bytes));
        boolean taken = notifications.take(sender, notification);
        AlmaJobInstance run = notification.jobInstance();
        log.info(
                "Alma webhook {} {}{}{}",
                notification.action(),
                notification.id(),
                run == null ? "" : " (job " + run.jobId() + ", instance " + run.id() + ", " + run.status() + ")",
                taken ? "" : ": seen before, passed over");
        return new Taken(notification.id(), taken);
    }

    private void configured() {
        if (!alma.listens()) {
            throw new AlmaWebhookNotConfigured();
        }
    }

    private static JsonNode json(byte[] body) {
        try {
            return body.length == 0 ? null : JSON.readTree(body);
        } catch (java.io.IOException notJson) {
            throw new AlmaNotificationUnreadable("the body is not JSON");
        }
    }
}

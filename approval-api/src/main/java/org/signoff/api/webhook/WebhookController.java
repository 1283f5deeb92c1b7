package org.signoff.api.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.signoff.api.ApprovalProperties;
import org.signoff.api.input.Cursor;
import org.signoff.api.input.Identifier;
import org.signoff.api.input.Pages;
import org.signoff.api.input.SingleLine;
import org.signoff.api.security.Callers;
import org.signoff.common.Rejection;

/**
 * Webhook subscriptions and their delivery log, for administrators. (A first cut: subscriptions are kept in a
 * table, not yet as events.)
 */
@RestController
@RequestMapping("/webhooks")
class WebhookController {

    private final WebhookStore store;
    private final Duration secretOverlap;

    private final Callers callers;

    WebhookController(WebhookStore store, ApprovalProperties properties, Callers callers) {
        this.callers = callers;
        this.store = store;
        this.secretOverlap = properties.webhooks().secretOverlap();
    }

    /**
     * @param secret the signing secret, as Standard Webhooks serializes it: {@code whsec_} and the base64 of 24 to 64
     *               random bytes
     * @param events the event kinds to hear of, e.g. {@code ProductionUseApproved}; none for all
     * @param jobs   the jobs whose tickets to hear of; none for all
     * @param scopes the scopes (as on the master list, e.g. {@code Items}) whose jobs to hear of; none for all
     */
    record Subscribe(
            @NotBlank @Identifier String subscriptionId,

            @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
            String url,

            @NotBlank @StandardSecret String secret,
            @Size(max = 20) Set<@NotBlank String> events,
            @Size(max = 100) Set<@NotBlank @Identifier String> jobs,
            @Size(max = 50) Set<@NotBlank @SingleLine @Size(max = 200) String> scopes) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<WebhookStore.Subscription> subscribe(@Valid @RequestBody Subscribe body) {
        WebhookStore.Subscription subscription = store.subscribe(
                callers.key(body.subscriptionId()),
                body.url(),
                body.secret(),
                orNone(body.events()),
                orNone(body.jobs()).stream().map(callers::key).collect(Collectors.toSet()),
                orNone(body.scopes()));
        return ResponseEntity.created(URI.create("/webhooks/" + body.subscriptionId()))
                .body(subscription);
    }

    /** The subscription stops hearing of events; its delivery log stays readable. */
    @DeleteMapping("/{subscriptionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> unsubscribe(@PathVariable String subscriptionId) {
        if (!store.unsubscribe(callers.key(subscriptionId))) {
            throw Rejection.UNKNOWN_SUBSCRIPTION.because("No subscription '" + subscriptionId + "'");
        }
        return ResponseEntity.noContent().build();
    }

    /** @param secret the new signing secret: {@code whsec_} and the base64 of 24 to 64 random bytes */
    record RotateSecret(@NotBlank @StandardSecret String secret) {}

    /**
     * The subscription signs with the new secret from now on, and for {@code approval.webhooks.secret-overlap} (24 h)
     * also with the secrets it replaces: each post carries both signatures, so the receiver moves over without losing
     * a post. Then the old ones sign no more.
     */
    @PostMapping("/{subscriptionId}/secret-rotation")
    WebhookStore.SecretRotation rotateSecret(
            @PathVariable String subscriptionId, @Valid @RequestBody RotateSecret body) {
        return store.rotateSecret(callers.key(subscriptionId), body.secret(), secretOverlap)
                .orElseThrow(() -> Rejection.UNKNOWN_SUBSCRIPTION.because("No subscription '" + subscriptionId + "'"));
    }

    private static Set<String> orNone(Set<String> names) {
        return names == null ? Set.of() : names;
    }

    /** The subscriptions, without their secrets, by id, in pages. */
    @GetMapping
    ResponseEntity<List<WebhookStore.Subscription>> subscriptions(
            @RequestParam(defaultValue = Pages.DEFAULT_LIMIT) @Min(1) @Max(Pages.MAX_LIMIT) int limit,
            @RequestParam(required = false) Cursor after) {
        return Pages.of(
                store.subscriptions(callers.ids(), after == null ? null : after.key(), limit),
                limit,
                WebhookStore.Subscription::subscriptionId);
    }

    /**
     * The delivery log of a subscription, newest first (notification ids are time-ordered), in pages: attempts, the
     * receiver's last answer and latency, what is next.
     */
    @GetMapping("/{subscriptionId}/deliveries")
    ResponseEntity<List<WebhookStore.Delivery>> deliveries(
            @PathVariable String subscriptionId,
            @RequestParam(required = false) WebhookStore.DeliveryStatus status,
            @RequestParam(defaultValue = Pages.DEFAULT_LIMIT) @Min(1) @Max(Pages.MAX_LIMIT) int limit,
            @RequestParam(required = false) Cursor after) {
        if (!store.exists(callers.key(subscriptionId))) {
            throw Rejection.UNKNOWN_SUBSCRIPTION.because("No subscription '" + subscriptionId + "'");
        }
        return Pages.of(
                store.deliveries(callers.key(subscriptionId), status, after == null ? null : after.key(), limit),
                limit,
                WebhookStore.Delivery::notificationId);
    }

    /** Parked deliveries of a subscription go out again, from now. */
    @PostMapping("/{subscriptionId}/redelivery")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> redeliver(@PathVariable String subscriptionId) {
        store.redeliverParked(callers.key(subscriptionId));
        return ResponseEntity.noContent().build();
    }
}

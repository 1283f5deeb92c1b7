package org.signoff.api.alma;

import java.util.Map;

import org.springframework.http.HttpStatus;

import org.signoff.api.problem.ProblemException;

/**
 * The listener has no secret, so it takes nothing, the handshake included: 404, as for an address with nothing
 * behind it. Not 503: that says "later", and Alma and monitors would keep retrying what only a setting mends.
 */
class AlmaWebhookNotConfigured extends ProblemException {

    AlmaWebhookNotConfigured() {
        super(
                HttpStatus.NOT_FOUND,
                "ALMA_WEBHOOK_NOT_CONFIGURED",
                "No Alma webhook listener here: an administrator sets approval.alma.webhook.secret "
                        + "(or approval.alma.webhook.secret-file) to the integration profile's secret",
                Map.of());
    }
}

package org.signoff.api.alma;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import org.signoff.api.problem.ProblemException;

/**
 * A post to the webhook listener without {@code X-Exl-Signature}, or with one the profile's secret did not make:
 * 401, and nothing taken. If Alma's own posts meet it, the secret in Alma and {@code approval.alma.webhook.secret}
 * differ.
 */
class AlmaSignatureRejected extends ProblemException {

    AlmaSignatureRejected(boolean presented) {
        super(
                HttpStatus.UNAUTHORIZED,
                "ALMA_SIGNATURE_REJECTED",
                presented
                        ? "X-Exl-Signature is not the body's signature with the webhook profile's secret"
                        : "An Alma webhook post is signed in the X-Exl-Signature header",
                Map.of());
    }

    /** A 401 names how to authenticate (RFC 9110): here, Alma's signature header. */
    @Override
    public Map<String, String> headers() {
        return Map.of(HttpHeaders.WWW_AUTHENTICATE, "X-Exl-Signature realm=\"alma-webhook\"");
    }
}

package org.signoff.api.alma;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Alma connections, {@code approval.alma.sandbox.*} and {@code approval.alma.production.*}. An environment
 * without a {@code base-url} is not configured: its steps are taken by hand.
 */
@ConfigurationProperties("approval.alma")
public record AlmaSettings(
        @DefaultValue Environment sandbox, @DefaultValue Environment production) {

    public AlmaSettings {
        sandbox.check("approval.alma.sandbox");
        production.check("approval.alma.production");
    }

    public Environment of(AlmaEnvironment environment) {
        return environment == AlmaEnvironment.SANDBOX ? sandbox : production;
    }

    /**
     * @param baseUrl        the Alma API gateway of the institution's region, e.g.
     *                       {@code https://api-eu.hosted.exlibrisgroup.com}; none, the environment is not configured
     * @param apiKey         the environment's API key (a secret)
     * @param apiKeyFile     or a file holding it, e.g. a mounted secret
     * @param connectTimeout how long to wait for Alma to take the connection
     * @param readTimeout    how long to wait for Alma's answer
     * @param maxRetries     how many times a request Alma answered {@code 429 PER_SECOND_THRESHOLD} is sent again
     */
    public record Environment(
            URI baseUrl,
            String apiKey,
            Path apiKeyFile,
            @DefaultValue("PT5S") Duration connectTimeout,
            @DefaultValue("PT20S") Duration readTimeout,
            @DefaultValue("3") int maxRetries) {

        public boolean configured() {
            return baseUrl != null;
        }

        void check(String prefix) {
            positive(prefix + ".connect-timeout", connectTimeout);
            positive(prefix + ".read-timeout", readTimeout);
            if (maxRetries < 0 || maxRetries > 10) {
                throw new IllegalArgumentException(prefix + ".max-retries must be 0 to 10, was " + maxRetries);
            }
            boolean hasKey = apiKey != null && !apiKey.isBlank();
            if (hasKey && apiKeyFile != null) {
                throw new IllegalArgumentException(
                        prefix + ".api-key and " + prefix + ".api-key-file are both set; set one");
            }
            if (baseUrl == null) {
                return;
            }
            if (!"https".equals(baseUrl.getScheme()) && !"http".equals(baseUrl.getScheme())
                    || baseUrl.getHost() == null) {
                throw new IllegalArgumentException(prefix
                        + ".base-url must be an http(s) address such as https://api-eu.hosted.exlibrisgroup.com");
            }
            if (!hasKey && apiKeyFile == null) {
                throw new IllegalArgumentException(
                        prefix + ".base-url is set without " + prefix + ".api-key or " + prefix + ".api-key-file");
            }
        }

        /** Everything but the key, which a printed setting must never show. */
        @Override
        public String toString() {
            return "Environment[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "(secret)")
                    + ", apiKeyFile=" + apiKeyFile + ", connectTimeout=" + connectTimeout + ", readTimeout="
                    + readTimeout + ", maxRetries=" + maxRetries + "]";
        }
    }

    private static void positive(String setting, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(setting + " must be longer than zero, was " + value);
        }
    }
}

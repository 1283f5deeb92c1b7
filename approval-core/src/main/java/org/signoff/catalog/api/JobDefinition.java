package org.signoff.catalog.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything the catalog says about a job.
 *
 * @param scope                   the group it is listed under on the master list, e.g. {@code Items}
 * @param name                    the job's name as staff see it in Alma
 * @param notes                   shown to requesters, may be null
 * @param requiredReadings        documents to confirm before the request step
 * @param variants                the variants (rules, profiles) the job offers
 * @param signOffPerVariant       whether each ticket names one variant, signed off on its own
 * @param roleUpdateUsuallyNeeded whether production use normally needs an Alma role update
 * @param signOffValidFor         how long a sign-off lasts before it lapses unless recertified; {@code null} for as
 *                                long as it is not revoked (the default, and what jobs registered before it had)
 */
public record JobDefinition(
        String scope,
        String name,
        String notes,
        List<RequiredReading> requiredReadings,
        List<String> variants,
        boolean signOffPerVariant,
        boolean roleUpdateUsuallyNeeded,
        Duration signOffValidFor) {

    public JobDefinition {
        requiredReadings = requiredReadings == null ? List.of() : List.copyOf(requiredReadings);
        variants = variants == null ? List.of() : List.copyOf(variants);
    }

    /** A job whose sign-offs last until revoked. */
    public JobDefinition(
            String scope,
            String name,
            String notes,
            List<RequiredReading> requiredReadings,
            List<String> variants,
            boolean signOffPerVariant,
            boolean roleUpdateUsuallyNeeded) {
        this(scope, name, notes, requiredReadings, variants, signOffPerVariant, roleUpdateUsuallyNeeded, null);
    }

    public Optional<RequiredReading> reading(String documentId) {
        return requiredReadings.stream()
                .filter(r -> r.documentId().equals(documentId))
                .findFirst();
    }
}

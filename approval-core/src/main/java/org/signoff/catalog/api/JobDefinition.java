package org.signoff.catalog.api;

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
 */
public record JobDefinition(
        String scope,
        String name,
        String notes,
        List<RequiredReading> requiredReadings,
        List<String> variants,
        boolean signOffPerVariant,
        boolean roleUpdateUsuallyNeeded) {

    public JobDefinition {
        requiredReadings = requiredReadings == null ? List.of() : List.copyOf(requiredReadings);
        variants = variants == null ? List.of() : List.copyOf(variants);
    }

    public Optional<RequiredReading> reading(String documentId) {
        return requiredReadings.stream()
                .filter(r -> r.documentId().equals(documentId))
                .findFirst();
    }
}

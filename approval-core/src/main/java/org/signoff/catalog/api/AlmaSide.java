package org.signoff.catalog.api;

import java.util.List;

/**
 * What a job is in Alma: the Alma jobs it covers and the roles a person needs to run it. Empty until an
 * administrator fills it in.
 *
 * @param jobIds           Alma's job ids ({@code /conf/jobs/{job_id}}), e.g. {@code M28}
 * @param importProfileIds the import profiles an import job runs
 * @param sandboxRoles     the roles a person needs in the Sandbox to test the job
 * @param productionRoles  the roles a person needs in production to run it
 */
public record AlmaSide(
        List<String> jobIds,
        List<String> importProfileIds,
        List<AlmaRole> sandboxRoles,
        List<AlmaRole> productionRoles) {

    /** Nothing known of the job in Alma. */
    public static final AlmaSide NONE = new AlmaSide(List.of(), List.of(), List.of(), List.of());

    public AlmaSide {
        jobIds = jobIds == null ? List.of() : List.copyOf(jobIds);
        importProfileIds = importProfileIds == null ? List.of() : List.copyOf(importProfileIds);
        sandboxRoles = sandboxRoles == null ? List.of() : List.copyOf(sandboxRoles);
        productionRoles = productionRoles == null ? List.of() : List.copyOf(productionRoles);
    }
}

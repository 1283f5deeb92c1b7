package org.signoff.lookup;

import java.util.Optional;

import org.signoff.catalog.api.JobId;

/** The catalog as the command side sees it. */
public interface JobCatalog {

    Optional<CatalogEntry> find(JobId jobId);
}

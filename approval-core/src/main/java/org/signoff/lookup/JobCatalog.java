package org.signoff.lookup;

import java.util.Optional;

import org.signoff.catalog.api.JobId;

/** The catalog as the command side sees it. */
public interface JobCatalog {

    Optional<CatalogEntry> find(JobId jobId);

    /** Every job of the catalog, retired ones too. */
    java.util.List<CatalogEntry> all();
}

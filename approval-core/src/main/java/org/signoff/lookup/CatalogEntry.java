package org.signoff.lookup;

import org.signoff.catalog.api.JobDefinition;
import org.signoff.catalog.api.JobId;

/** A job's current definition, and whether it was retired. */
public record CatalogEntry(JobId jobId, JobDefinition definition, boolean retired) {}

package org.signoff.lookup;

import org.signoff.catalog.api.AlmaSide;
import org.signoff.catalog.api.JobDefinition;
import org.signoff.catalog.api.JobId;

/**
 * A job's current definition, whether it was retired, and what it is in Alma ({@link AlmaSide#NONE} until an
 * administrator says).
 */
public record CatalogEntry(JobId jobId, JobDefinition definition, boolean retired, AlmaSide almaSide) {

    public CatalogEntry {
        almaSide = almaSide == null ? AlmaSide.NONE : almaSide;
    }

    /** A job whose Alma side nobody has said. */
    public CatalogEntry(JobId jobId, JobDefinition definition, boolean retired) {
        this(jobId, definition, retired, AlmaSide.NONE);
    }
}

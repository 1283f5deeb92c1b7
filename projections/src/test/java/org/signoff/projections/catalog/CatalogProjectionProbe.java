package org.signoff.projections.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.signoff.catalog.api.JobRegistered;
import org.signoff.catalog.api.JobRetired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Feeds catalog events to the catalog read model from tests of other read models that depend on it. */
public final class CatalogProjectionProbe {

    private final CatalogProjection projection;

    public CatalogProjectionProbe(JdbcClient jdbc, ObjectMapper json) {
        this.projection = new CatalogProjection(jdbc, json);
    }

    public CatalogProjection projection() {
        return projection;
    }

    public void on(JobRegistered event) {
        projection.on(event);
    }

    public void on(JobRetired event) {
        projection.on(event);
    }
}

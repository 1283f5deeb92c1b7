package org.signoff.projections.catalog.api;

import org.signoff.common.InstitutionScope;

/** Every training class of the catalog, in registration order. */
public record ListTrainingClassesQuery(InstitutionScope within) {}

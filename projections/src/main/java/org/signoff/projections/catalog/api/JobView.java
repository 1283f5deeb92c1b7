package org.signoff.projections.catalog.api;

import java.util.List;

import org.signoff.catalog.api.RequiredReading;

public record JobView(
        String jobId,
        String scope,
        String name,
        String notes,
        List<RequiredReading> requiredReadings,
        List<String> variants,
        boolean signOffPerVariant,
        boolean roleUpdateUsuallyNeeded,
        java.time.Duration signOffValidFor,
        boolean retired) {}

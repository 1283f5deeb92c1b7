package org.signoff.projections.catalog.api;

import java.util.List;

import org.signoff.catalog.api.AlmaSide;
import org.signoff.catalog.api.RequiredReading;

/**
 * A job of the catalog; {@code almaSide} is empty until an administrator says what the job is in Alma;
 * {@code requiredClasses} are the training classes it requires, those every job requires first.
 */
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
        AlmaSide almaSide,
        List<TrainingClassView> requiredClasses,
        boolean retired) {}

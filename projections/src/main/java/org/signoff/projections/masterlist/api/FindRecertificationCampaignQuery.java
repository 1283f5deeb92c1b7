package org.signoff.projections.masterlist.api;

/** A recertification campaign and its progress. */
public record FindRecertificationCampaignQuery(String campaignId) {}

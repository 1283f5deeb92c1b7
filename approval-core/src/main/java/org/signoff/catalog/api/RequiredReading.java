package org.signoff.catalog.api;

/**
 * A document a staff member must have read, at this version, before asking for a job.
 *
 * @param documentId stable id of the document, e.g. {@code jobs-overview}
 * @param title      what the document is called
 * @param version    the version that is current for the job
 */
public record RequiredReading(String documentId, String title, String version) {}

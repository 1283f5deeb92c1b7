package org.signoff.projections.ticket.api;

/** A training class the job requires that the requester has not attended yet: what a ticket still reading waits on. */
public record ClassToAttend(String classId, String title) {}

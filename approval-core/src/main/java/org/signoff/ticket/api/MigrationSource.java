package org.signoff.ticket.api;

/**
 * Where a migrated sign-off came from: the import run, the file and the line (of the master list kept before the
 * engine, e.g. the wiki's table).
 */
public record MigrationSource(String batchId, String file, long line) {}

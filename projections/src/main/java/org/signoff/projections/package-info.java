/**
 * Query models built from the events. Each runs in its own streaming processor with its token in the same
 * database, answers query records with view records, and keeps its tables to itself.
 */
package org.signoff.projections;

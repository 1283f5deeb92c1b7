/** Queries about the job catalog. */
package org.signoff.projections.catalog.api;

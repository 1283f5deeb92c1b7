/** Queries about the staff directory. */
package org.signoff.projections.staff.api;

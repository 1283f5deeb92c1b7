/** Queries about tickets and the views they answer with. */
package org.signoff.projections.ticket.api;

/** Tickets over HTTP: the six steps and the reads of tickets and their history. */
package org.signoff.api.ticket;

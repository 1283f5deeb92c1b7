/** The tickets read model: work queues by status and each ticket's audit history. */
package org.signoff.projections.ticket;

/** The sign-off ticket: the six-step process as one event-sourced aggregate per staff member, job and variant. */
package org.signoff.ticket;

/**
 * Time in the process: how long a ticket may wait on each step (from configuration), and the persistent scheduler
 * that fires the reminders and limits the tickets set.
 */
package org.signoff.api.deadline;

/**
 * The sign-off ticket's messages: one command and one event per step of the process. Commands are imperative,
 * events are past-tense facts without a suffix.
 */
package org.signoff.ticket.api;

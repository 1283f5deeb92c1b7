package org.signoff.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Alma said a job run ended (its JOB_END webhook) and the Sandbox API confirmed the run: the ticket notes it if it
 * is a run of its job by its requester since the grant while it waits on its test, so that the requester is told and
 * one call reports it as the test; anything else is not this ticket's and is left alone.
 */
public record NoteSandboxRun(@TargetAggregateIdentifier TicketId ticketId, AlmaCheck alma) {}

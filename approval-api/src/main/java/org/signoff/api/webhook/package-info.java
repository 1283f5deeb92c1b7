/**
 * Telling the ticketing system what happened: subscriptions, a transactional outbox fed from the event store, and a
 * dispatcher that posts signed notifications, retrying with backoff until it parks them.
 */
package org.signoff.api.webhook;

/**
 * Telling the ticketing system what happened: subscriptions, a transactional outbox fed from the event store, and a
 * dispatcher that posts notifications signed as Standard Webhooks specifies (with every secret a subscription has in
 * use, so a rotation loses no post), retrying with backoff until it parks them.
 */
package org.signoff.api.webhook;

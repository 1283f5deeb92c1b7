/**
 * Rebuilding a read model from the event store without downtime: built beside the live one, swapped in when it has
 * caught up, in one transaction.
 */
package org.signoff.api.rebuild;

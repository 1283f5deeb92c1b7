/**
 * Read-model operations: each read model in its own tracking processor, made by its {@link
 * org.signoff.api.readmodel.ReadModel} definition. A read model never skips an event it cannot apply (it stops,
 * retries and says so); it is rebuilt from the event store without downtime, beside the live one and swapped in once
 * caught up, or replayed at start-up on an operator's word; how far each has got is read from the token store, the
 * same on every node, and a client that has just written waits, a bounded time, to read what it wrote.
 */
package org.signoff.api.readmodel;

/**
 * Events as they were stored by earlier versions, read as today's classes: one upcaster per change of an event's
 * shape, from the revision before it to the next. The stored form never changes, so the ledger's chain still holds.
 */
package org.signoff.api.upcasting;

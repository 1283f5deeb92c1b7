/**
 * What the command side looks up while deciding: who a performer is, what a job requires, whether a ticket is
 * already open. These are small tables the command side owns, kept in step with the events in the same
 * transaction that appends them; never the query models, which lag behind.
 */
package org.signoff.lookup;

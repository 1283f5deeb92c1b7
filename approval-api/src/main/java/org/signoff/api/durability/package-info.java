/**
 * Nothing is answered before it is durable, at the cost of one store for many commands: on the embedded H2 file,
 * commits are stored by a barrier that many callers share (group commit); on PostgreSQL, which shares its WAL flushes
 * by itself, every commit is durable as it returns.
 */
package org.signoff.api.durability;

/**
 * Nothing is answered before it is durable, at the cost of one store for many commands: on the embedded H2 file,
 * commits are stored by a barrier that many callers share (group commit); on PostgreSQL, which shares its WAL flushes
 * by itself, every commit is durable as it returns. The store's checks live here too: a server that would lose an
 * acknowledged command is named at start-up, the embedded pool is sized for group commit, the events are read past
 * their gaps by index, and a cached aggregate shared between nodes is checked against the store before each use.
 */
package org.signoff.api.durability;

/**
 * The auditor's ledger: the event store sealed into a SHA-256 hash chain ({@code ledger-verifier} defines it), its
 * head, its export as JSON Lines, and its verification against the live store.
 */
package org.signoff.api.ledger;

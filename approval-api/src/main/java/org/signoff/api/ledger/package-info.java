/**
 * The auditor's ledger: the event store sealed into SHA-256 hash chains ({@code ledger-verifier} defines them), one per
 * institution, each event in its institution's, and the consortium's chain over their heads. An institution's auditor
 * reads, exports and verifies its own chain only; the consortium verifies the whole store and reads the heads.
 */
package org.signoff.api.ledger;

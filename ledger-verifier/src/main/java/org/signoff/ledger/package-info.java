/**
 * The ledger: every stored event, in the store's global order, linked to the one before it of the same institution by
 * a SHA-256 hash chain, a chain per institution; the consortium's chain links the heads those chains reach
 * ({@link org.signoff.ledger.HeadSeal}). {@link org.signoff.ledger.ChainHash} defines the links, {@link org.signoff.ledger.ChainVerifier} checks a run of
 * entries, {@link org.signoff.ledger.LedgerFile} reads and writes the JSON Lines export, and
 * {@link org.signoff.ledger.VerifyCommand} checks an export from the command line. Nothing here needs the service or
 * its database: an auditor can read these few classes and trust them, or write their own from the README.
 */
package org.signoff.ledger;

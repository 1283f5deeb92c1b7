/**
 * The ledger: every stored event, in the store's global order, linked to the one before it by a SHA-256 hash chain.
 * {@link org.signoff.ledger.ChainHash} defines the link, {@link org.signoff.ledger.ChainVerifier} checks a run of
 * entries, {@link org.signoff.ledger.LedgerFile} reads and writes the JSON Lines export, and
 * {@link org.signoff.ledger.VerifyCommand} checks an export from the command line. Nothing here needs the service or
 * its database: an auditor can read these few classes and trust them, or write their own from the README.
 */
package org.signoff.ledger;

/**
 * What both sides of the engine store the same way, below them both: how values go into columns and come out
 * ({@link org.signoff.storage.Columns}), and the personal-data tables every side reads but only the command side
 * writes ({@link org.signoff.storage.PersonalData}). The command side's rooms (lookups, ledger, webhooks, security,
 * commands, privacy) depend on this, never on the read models.
 */
package org.signoff.storage;

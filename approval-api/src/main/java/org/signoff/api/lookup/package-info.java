/** The command side's lookups (job catalog, staff directory, open tickets, personal data) kept in tables. */
package org.signoff.api.lookup;

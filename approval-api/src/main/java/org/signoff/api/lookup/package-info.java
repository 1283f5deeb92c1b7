/** The command side's lookups (job catalog, staff directory, open tickets, display names) kept in tables. */
package org.signoff.api.lookup;

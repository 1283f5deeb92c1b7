/** The command side's lookups (job catalog, staff directory, open tickets, support ticket refs) kept in tables. */
package org.signoff.api.lookup;

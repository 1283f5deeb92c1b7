/** The job catalog's messages: which jobs exist, their scope, readings, variants, and whether they are retired. */
package org.signoff.catalog.api;
